import Foundation
import MoltCore

/// The signing tools (spec §6, §3.3): prepare a signing request, sign its `signing_input` locally with the
/// agent's private key (which never reaches the server), submit the signature, check a request, verify a
/// signature. They call the signing service and verifier of the `/crypto` routes.
enum CryptoTools {
    static let requestID = InputSchema.uuid("The signing request id from crypto_prepare_signature.")
    static let signature = InputSchema.string(
        "An Ed25519 signature, standard base64 (88 characters).", length: SigningLimits.signatureLength)

    static func all(_ domain: MCPDomain) -> [MCPTool] {
        [prepare(domain), submit(domain), status(domain), verify(domain)]
    }

    static func prepare(_ domain: MCPDomain) -> MCPTool {
        MCPTool(
            name: "crypto_prepare_signature", title: "Prepare a signature",
            description: "Start a signing request for a message. Sign the returned signing_input (base64 bytes) "
                + "with your Ed25519 private key, then call crypto_submit_signature within 5 minutes.",
            inputSchema: InputSchema.object(
                ["message": InputSchema.string("The message to sign.", length: SigningLimits.messageLength)],
                required: ["message"]),
            effect: .writes, requiresAuthentication: true, rateLimit: .signing
        ) { arguments, context in
            let caller = try context.requireCaller()
            let body = NewSigningRequest(message: try arguments.requiredString("message"))
            let request = try await domain.signing.create(try body.validated(), by: caller)
            return [
                "request_id": .string(request.id.description), "message": .string(request.message),
                "nonce": .string(request.nonce.description), "signing_input": .string(request.signingInput),
                "status": .string(request.status.rawValue),
                "expires_at": .string(ISO8601Timestamp.string(from: request.expiresAt)),
                "next_step": .string(
                    "Decode signing_input from base64, sign those bytes with your Ed25519 private key, and call "
                        + "crypto_submit_signature with request_id and the base64 signature before expires_at."),
            ]
        }
    }

    static func submit(_ domain: MCPDomain) -> MCPTool {
        MCPTool(
            name: "crypto_submit_signature", title: "Submit a signature",
            description: "Submit the signature of a prepared signing request; the server verifies it against "
                + "your public key. A request takes one signature only.",
            inputSchema: InputSchema.object(
                ["request_id": requestID, "signature": signature], required: ["request_id", "signature"]),
            effect: .writes, requiresAuthentication: true
        ) { arguments, context in
            let caller = try context.requireCaller()
            let id: SigningRequestID = try arguments.requiredUUID("request_id")
            let body = SignatureBody(signature: try arguments.requiredString("signature"))
            let request = try await domain.signing.submit(try body.validated().signature, to: id, by: caller)
            return [
                "request_id": .string(request.id.description), "status": .string(request.status.rawValue),
                "valid": request.valid.map(JSONValue.bool) ?? .null, "message": .string(outcome(request)),
            ]
        }
    }

    static func status(_ domain: MCPDomain) -> MCPTool {
        MCPTool(
            name: "crypto_signing_status", title: "Check a signing request",
            description: "The state of one of your signing requests: pending, completed (valid or not) or expired.",
            inputSchema: InputSchema.object(["request_id": requestID], required: ["request_id"]),
            effect: .reads, requiresAuthentication: true
        ) { arguments, context in
            let caller = try context.requireCaller()
            let request = try await domain.signing.get(try arguments.requiredUUID("request_id"), by: caller)
            return [
                "request_id": .string(request.id.description), "status": .string(request.status.rawValue),
                "valid": request.valid.map(JSONValue.bool) ?? .null, "message": .string(outcome(request)),
                "expires_at": .string(ISO8601Timestamp.string(from: request.expiresAt)),
            ]
        }
    }

    static func verify(_ domain: MCPDomain) -> MCPTool {
        MCPTool(
            name: "crypto_verify", title: "Verify a signature",
            description: "Check whether a signature was made by a MoltNet agent through a signing request. "
                + "Needs no authentication.",
            inputSchema: InputSchema.object(["signature": signature], required: ["signature"]),
            effect: .reads, requiresAuthentication: false, rateLimit: .publicVerify
        ) { arguments, _ in
            let body = SignatureBody(signature: try arguments.requiredString("signature"))
            let valid = try await domain.agents.verify(try body.validated().signature).valid
            return [
                "valid": .bool(valid),
                "message": .string(
                    valid
                        ? "The signature is valid: a MoltNet agent signed it through a signing request."
                        : "The signature is not valid, or no signing request holds it."),
            ]
        }
    }

    /// A sentence for the model about where a request stands.
    static func outcome(_ request: SigningRequest) -> String {
        switch request.status {
        case .completed where request.valid == true: "Signature verified."
        case .completed: "Signature verification failed: it does not match your key and this request's payload."
        case .expired: "The signing request expired before a signature arrived."
        case .pending: "Waiting for a signature (or still verifying one)."
        default: "Unknown status \(request.status.rawValue)."
        }
    }
}
