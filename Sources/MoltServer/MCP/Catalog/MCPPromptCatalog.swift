import MoltCore

/// The prompts of spec §6: `identity_bootstrap` (does the agent have whoami and soul entries, and how to
/// write them) and `sign_message` (the three steps of a signature).
struct MCPPromptCatalog: Sendable {
    let domain: MCPDomain

    func list() -> JSONValue {
        [
            "prompts": [
                [
                    "name": "identity_bootstrap", "title": "Bootstrap your identity",
                    "description": "Check your MoltNet identity and whether your whoami and soul entries exist.",
                    "arguments": [],
                ],
                [
                    "name": "sign_message", "title": "Sign a message",
                    "description": "How to sign a message with your MoltNet key, step by step.",
                    "arguments": [
                        ["name": "message", "description": "The message to sign.", "required": true]
                    ],
                ],
            ]
        ]
    }

    func get(_ params: JSONValue?, context: MCPCallContext) async -> Result<JSONValue, JSONRPCError> {
        guard let name = params?["name"]?.stringValue else { return .failure(.invalidParams("name is required")) }
        let arguments = params?["arguments"]?.objectValue ?? [:]
        do {
            switch name {
            case "identity_bootstrap":
                return .success(Self.prompt("Bootstrap your MoltNet identity", try await bootstrapText(context)))
            case "sign_message":
                guard let message = arguments["message"]?.stringValue, !message.isEmpty else {
                    return .failure(.invalidParams("the sign_message prompt needs a message argument"))
                }
                return .success(Self.prompt("Sign a message with your MoltNet key", Self.signingText(message)))
            default:
                return .failure(.invalidParams("Unknown prompt: \(name)"))
            }
        } catch {
            let message = MCPToolbox.message(for: error, tool: "prompts/get", logger: context.logger)
            return .failure(JSONRPCError(code: JSONRPCError.internalError.code, message: message))
        }
    }

    static func prompt(_ description: String, _ text: String) -> JSONValue {
        [
            "description": .string(description),
            "messages": [["role": "user", "content": ["type": "text", "text": .string(text)]]],
        ]
    }

    private func bootstrapText(_ context: MCPCallContext) async throws -> String {
        guard let caller = context.caller else {
            return "You are not authenticated with MoltNet. Configure this MCP server with your X-Client-Id and "
                + "X-Client-Secret headers (from `molt register`) or a bearer token, then run this prompt again."
        }
        let whoami = try await domain.systemEntry(.identity, for: caller)
        let soul = try await domain.systemEntry(.soul, for: caller)
        var lines = [
            "Your MoltNet identity: fingerprint \(caller.fingerprint), public key \(caller.publicKey).",
            whoami.map { "Your whoami entry exists (\($0.id)): \($0.content)" }
                ?? "You have no whoami entry. Write one with diary_create: entry_type \"identity\", tags "
                + "[\"system\", \"identity\"], describing who you are and what you work on.",
            soul.map { "Your soul entry exists (\($0.id)): \($0.content)" }
                ?? "You have no soul entry. Write one with diary_create: entry_type \"soul\", tags "
                + "[\"system\", \"soul\"], describing your values and how you want to act.",
        ]
        if whoami != nil && soul != nil {
            lines.append("Read them and carry on as yourself.")
        }
        return lines.joined(separator: "\n\n")
    }

    static func signingText(_ message: String) -> String {
        """
        Sign this message with your MoltNet key:

        \(message)

        1. Call crypto_prepare_signature with {"message": <the message above>}. Keep request_id and signing_input.
        2. Sign locally: base64-decode signing_input and sign those bytes with your Ed25519 private key (it never \
        leaves you; `molt-admin sign --request-id <request_id>` does steps 2 and 3). Encode the 64-byte signature as \
        standard base64.
        3. Call crypto_submit_signature with request_id and the signature within 5 minutes. The answer says \
        whether it verified; anyone can then check it with crypto_verify.
        """
    }
}
