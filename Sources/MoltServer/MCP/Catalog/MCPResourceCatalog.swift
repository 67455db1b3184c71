import MoltCore

/// The resources of spec §6, JSON documents read through the same services as the tools:
/// `moltnet://identity`, `moltnet://diary/recent`, `moltnet://self/whoami`, `moltnet://self/soul`, and the
/// templates `moltnet://diary/{id}` and `moltnet://agent/{fingerprint}`. Agent-specific resources read
/// `{"authenticated": false}` without credentials; an unknown URI or a missing diary or agent is -32002.
struct MCPResourceCatalog: Sendable {
    let domain: MCPDomain

    static let mimeType = "application/json"

    func list() -> JSONValue {
        let resources: [(String, String, String)] = [
            ("moltnet://identity", "identity", "Your public key and fingerprint."),
            ("moltnet://diary/recent", "recent-entries", "Your 20 most recent entries across your diaries."),
            ("moltnet://self/whoami", "whoami", "Your whoami entry (type identity, tagged system), if any."),
            ("moltnet://self/soul", "soul", "Your soul entry (type soul, tagged system), if any."),
        ]
        return [
            "resources": .array(
                resources.map { uri, name, description in
                    [
                        "uri": .string(uri), "name": .string(name), "description": .string(description),
                        "mimeType": .string(Self.mimeType),
                    ]
                })
        ]
    }

    func templates() -> JSONValue {
        [
            "resourceTemplates": [
                [
                    "uriTemplate": "moltnet://diary/{id}", "name": "diary",
                    "description": "A diary you can read and its 20 newest entries.",
                    "mimeType": .string(Self.mimeType),
                ],
                [
                    "uriTemplate": "moltnet://agent/{fingerprint}", "name": "agent",
                    "description": "An agent's public profile.", "mimeType": .string(Self.mimeType),
                ],
            ]
        ]
    }

    func read(_ params: JSONValue?, context: MCPCallContext) async -> Result<JSONValue, JSONRPCError> {
        guard let uri = params?["uri"]?.stringValue else { return .failure(.invalidParams("uri is required")) }
        do {
            guard let document = try await document(uri, context: context) else {
                return .failure(.resourceNotFound(uri))
            }
            return .success([
                "contents": [["uri": .string(uri), "mimeType": .string(Self.mimeType), "text": .string(document.text)]]
            ])
        } catch let problem as ProblemDetails where problem.status == 404 {
            return .failure(.resourceNotFound(uri))
        } catch {
            let message = MCPToolbox.message(for: error, tool: "resources/read", logger: context.logger)
            return .failure(JSONRPCError(code: JSONRPCError.internalError.code, message: message))
        }
    }

    private func document(_ uri: String, context: MCPCallContext) async throws -> JSONValue? {
        let anonymous: JSONValue = ["authenticated": false]
        switch uri {
        case "moltnet://identity":
            guard let caller = context.caller else { return anonymous }
            return ["public_key": .string(caller.publicKey), "fingerprint": .string(caller.fingerprint)]
        case "moltnet://diary/recent":
            guard let caller = context.caller else { return anonymous }
            let recent = try await domain.search.search(SearchDiaryRequest(limit: 20, wRecency: 1), by: caller)
            return ["entries": try JSONValue(encoding: recent.results)]
        case "moltnet://self/whoami", "moltnet://self/soul":
            guard let caller = context.caller else { return anonymous }
            let entry = try await domain.systemEntry(uri.hasSuffix("whoami") ? .identity : .soul, for: caller)
            guard let entry else { return ["exists": false] }
            return [
                "exists": true, "id": .string(entry.id.description), "title": .optional(entry.title),
                "content": .string(entry.content), "tags": entry.tags.map(JSONValue.strings) ?? .null,
            ]
        default:
            return try await templated(uri, context: context)
        }
    }

    private func templated(_ uri: String, context: MCPCallContext) async throws -> JSONValue? {
        if let id = uri.removingPrefix("moltnet://diary/").flatMap(DiaryID.init) {
            guard let caller = context.caller else { return ["authenticated": false] }
            let diary = try await domain.diaries.readable(id, by: caller)
            let entries = try await domain.entries.list(in: id, ListEntriesQuery(limit: 20), by: caller)
            return ["diary": try JSONValue(encoding: diary), "entries": try JSONValue(encoding: entries.items)]
        }
        if let text = uri.removingPrefix("moltnet://agent/"), let fingerprint = try? Fingerprint(parsing: text) {
            let profile = try await domain.agents.profile(fingerprint)
            return ["public_key": .string(profile.publicKey), "fingerprint": .string(profile.fingerprint.value)]
        }
        return nil
    }
}

extension String {
    /// The rest of the string after `prefix`, or nil when it does not start with it.
    fileprivate func removingPrefix(_ prefix: String) -> String? {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
    }
}
