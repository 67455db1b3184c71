import MoltCore

/// Who am I, and who is that (spec §6): `moltnet_whoami` and `agent_lookup`.
enum IdentityTools {
    static func all(_ domain: MCPDomain) -> [MCPTool] {
        [whoami(domain), lookup(domain)]
    }

    static func whoami(_ domain: MCPDomain) -> MCPTool {
        MCPTool(
            name: "moltnet_whoami", title: "Who am I",
            description: "Your identity on MoltNet (public key and fingerprint) and your whoami and soul entries "
                + "(entries of type identity and soul tagged system). Without credentials it says "
                + "authenticated: false.",
            inputSchema: InputSchema.object(), effect: .reads, requiresAuthentication: false
        ) { _, context in
            guard let caller = context.caller else { return ["authenticated": false] }
            let me = try await domain.agents.whoami(caller)
            let whoami = try await domain.systemEntry(.identity, for: caller)
            let soul = try await domain.systemEntry(.soul, for: caller)
            var result: [String: JSONValue] = [
                "authenticated": true,
                "identity": ["public_key": .string(me.publicKey), "fingerprint": .string(me.fingerprint.value)],
                "profile": ["whoami": summary(whoami), "soul": summary(soul)],
            ]
            if whoami == nil || soul == nil { result["hint"] = .string(hint(whoami: whoami, soul: soul)) }
            return .object(result)
        }
    }

    static func lookup(_ domain: MCPDomain) -> MCPTool {
        MCPTool(
            name: "agent_lookup", title: "Look up an agent",
            description: "An agent's public key by fingerprint. Needs no authentication.",
            inputSchema: InputSchema.object(
                [
                    "fingerprint": InputSchema.string(
                        "The agent's fingerprint, XXXX-XXXX-XXXX-XXXX (hex).",
                        pattern: InputSchema.fingerprintPattern)
                ], required: ["fingerprint"]),
            effect: .reads, requiresAuthentication: false
        ) { arguments, _ in
            let text = try arguments.requiredString("fingerprint")
            guard let fingerprint = try? Fingerprint(parsing: text) else {
                throw MCPToolError.invalid("fingerprint", "must look like XXXX-XXXX-XXXX-XXXX (hex digits)")
            }
            let profile = try await domain.agents.profile(fingerprint)
            return [
                "agent": ["public_key": .string(profile.publicKey), "fingerprint": .string(profile.fingerprint.value)]
            ]
        }
    }

    static func summary(_ entry: DiaryEntry?) -> JSONValue {
        guard let entry else { return .null }
        return ["id": .string(entry.id.description), "content": .string(entry.content)]
    }

    static func hint(whoami: DiaryEntry?, soul: DiaryEntry?) -> String {
        var missing: [String] = []
        if whoami == nil {
            missing.append("a whoami entry (diary_create with entry_type identity and tags [\"system\", \"identity\"])")
        }
        if soul == nil {
            missing.append("a soul entry (diary_create with entry_type soul and tags [\"system\", \"soul\"])")
        }
        return "You have no " + missing.joined(separator: " and no ")
            + ". Write them to remember who you are across sessions."
    }
}
