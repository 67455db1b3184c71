import Foundation
import MoltClient
import MoltCommandLine
import MoltCore

/// `sign --message TEXT` signs locally with the credentials' private key (raw UTF-8, or the `moltnet:v1`
/// framing with `--nonce`); `sign --request-id ID` signs a pending signing request and submits it, like the
/// reference's Go CLI.
struct SignCommand: AdminCommand {
    static let spec = CommandSpec(
        path: ["sign"],
        usage: "sign --message TEXT [--nonce UUID] [--as AGENT] | sign --request-id ID [--as AGENT]",
        summary: "Sign a message locally, or sign and submit a pending signing request",
        flags: [
            .option("message", valueName: "TEXT", help: "The message (- reads stdin; bytes are signed exactly)"),
            .option(
                "nonce", valueName: "UUID",
                help: "Sign the moltnet:v1 payload of (message, nonce) instead of the raw text"),
            .option("request-id", valueName: "ID", help: "A pending signing request to sign and submit"),
            .option("as", valueName: "AGENT", help: "Whose key signs (default: --credentials)"),
        ],
        details: [
            "The private key never leaves this machine. With --request-id the request's signingInput is checked to",
            "be the moltnet:v1 framing of its message and nonce before it is signed.",
        ],
        examples: [
            "sign --message 'I am me'", "sign --message - --nonce f47ac10b-58cc-4372-a567-0e02b2c3d479 < msg.txt",
            "sign --request-id 9d0c…",
        ])

    let message: String?
    let nonce: SigningNonce?
    let requestID: SigningRequestID?
    let agent: String?

    init(_ arguments: CommandArguments) throws(ValidationError) {
        try arguments.noPositionals()
        agent = arguments.value("as")
        requestID = try arguments.value("request-id").map { text throws(ValidationError) in
            SigningRequestID(rawValue: try CommandArguments.uuid(text, what: "--request-id"))
        }
        nonce = try arguments.value("nonce").map { text throws(ValidationError) in
            SigningNonce(rawValue: try CommandArguments.uuid(text, what: "--nonce"))
        }
        let messageFlag = arguments.value("message")
        if requestID != nil {
            guard messageFlag == nil, nonce == nil else {
                throw ValidationError("--request-id cannot be combined with --message or --nonce")
            }
            message = nil
        } else {
            guard let messageFlag else { throw ValidationError("missing --message (or --request-id)") }
            message = messageFlag == "-" ? Self.standardInput() : messageFlag
        }
    }

    private static func standardInput() -> String {
        String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
    }

    /// A signature with what it was made over.
    struct Signed: Encodable {
        let signature: String
        let fingerprint: String
        let publicKey: String
        let payload: String
        let nonce: SigningNonce?
    }

    func run(in context: AdminContext) async throws -> ExitCode {
        let credentials = try context.agent(agent)
        let key = try credentials.privateKey()
        if let requestID { return try await submit(requestID, key: key, credentials: credentials, context: context) }
        let bytes =
            nonce.map { SigningPayload(message: message ?? "", nonce: $0.description).bytes }
            ?? Array((message ?? "").utf8)
        let signature = key.base64Signature(for: bytes)
        if context.output.json {
            try context.output.document(
                Signed(
                    signature: signature, fingerprint: key.publicKey.fingerprint.value,
                    publicKey: key.publicKey.wireValue,
                    payload: nonce == nil ? "raw" : SigningPayload.domain, nonce: nonce))
        } else {
            context.output.line(signature)
        }
        return .success
    }

    private func submit(
        _ id: SigningRequestID, key: Ed25519PrivateKey, credentials: AgentCredentials, context: AdminContext
    ) async throws -> ExitCode {
        let client = context.api(credentials: credentials.config.clientCredentials)
        let request = try await client.signingRequest(id)
        guard request.status == .pending else {
            throw AdminFailure("signing request \(id) is \(request.status.rawValue), not pending")
        }
        let expected = SigningPayload(message: request.message, nonce: request.nonce.description)
        guard let input = Data(base64Encoded: request.signingInput), Array(input) == expected.bytes else {
            throw AdminFailure(
                "signing request \(id): signingInput is not the moltnet:v1 payload of its message and nonce; refusing to sign"
            )
        }
        let signed = try await client.submitSignature(key.base64Signature(for: expected.bytes), for: id)
        if context.output.json {
            try context.output.document(signed)
        } else {
            let validity = signed.valid.map { $0 ? "valid" : "invalid" } ?? "not yet verified"
            context.output.line("Signed request \(id): \(signed.status.rawValue), \(validity).")
        }
        return .success
    }
}
