import Foundation
import MoltClient
import MoltCommandLine
import MoltCore

/// `verify --signature SIG --message TEXT`: checks a signature locally against a public key (given, looked
/// up by fingerprint, or the credentials'); without `--message`, asks the server whether the signature
/// belongs to a completed signing request. Prints valid (exit 0) or invalid (exit 1).
struct VerifyCommand: AdminCommand {
    static let spec = CommandSpec(
        path: ["verify"],
        usage:
            "verify --signature SIG [--message TEXT [--nonce UUID]] [--public-key KEY | --fingerprint FP | --as AGENT]",
        summary: "Verify a signature: valid (exit 0) or invalid (exit 1)",
        flags: [
            .option("signature", valueName: "SIG", help: "The base64 signature"),
            .option("message", valueName: "TEXT", help: "The signed message (- reads stdin); verified locally"),
            .option(
                "nonce", valueName: "UUID", help: "The message was signed in the moltnet:v1 framing with this nonce"),
            .option("public-key", valueName: "KEY", help: "The signer's key (ed25519:<base64>)"),
            .option(
                "fingerprint", valueName: "FP", help: "The signer's fingerprint (its key is looked up on the server)"),
            .option("as", valueName: "AGENT", help: "The signer is this agent (default: --credentials)"),
        ],
        details: [
            "With --message the check is local. Without it the server is asked (POST /crypto/verify, or",
            "POST /agents/{fingerprint}/verify with --fingerprint): valid when the signature completed a signing request.",
        ],
        examples: ["verify --signature \"$SIG\" --message 'I am me' --fingerprint 21FE-31DF-A154-A261"])

    let signature: String
    let message: String?
    let nonce: SigningNonce?
    let publicKey: Ed25519PublicKey?
    let fingerprint: Fingerprint?
    let agent: String?

    init(_ arguments: CommandArguments) throws(ValidationError) {
        try arguments.noPositionals()
        signature = try arguments.require("signature")
        let text = arguments.value("message")
        message = text == "-" ? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) : text
        nonce = try arguments.value("nonce").map { text throws(ValidationError) in
            SigningNonce(rawValue: try CommandArguments.uuid(text, what: "--nonce"))
        }
        if nonce != nil, message == nil { throw ValidationError("--nonce needs --message") }
        publicKey = try arguments.value("public-key").map { text throws(ValidationError) in
            do {
                return try Ed25519PublicKey(parsing: text)
            } catch {
                throw ValidationError("--public-key must be ed25519:<base64 of 32 bytes>")
            }
        }
        fingerprint = try arguments.value("fingerprint").map { text throws(ValidationError) in
            try CommandArguments.fingerprint(text, what: "--fingerprint")
        }
        agent = arguments.value("as")
        let sources = [publicKey != nil, fingerprint != nil, agent != nil].filter { $0 }.count
        guard sources <= 1 else { throw ValidationError("give one of --public-key, --fingerprint and --as") }
        if message == nil, publicKey != nil || agent != nil {
            throw ValidationError("without --message only --fingerprint (or nothing) can be given")
        }
    }

    func run(in context: AdminContext) async throws -> ExitCode {
        let valid: Bool
        var signer: String?
        if let message {
            let key = try await signerKey(context)
            let bytes =
                nonce.map { SigningPayload(message: message, nonce: $0.description).bytes } ?? Array(message.utf8)
            valid = key.isValidSignature(base64: signature, for: bytes)
            signer = key.fingerprint.value
        } else if let fingerprint {
            let result = try await context.api.verifyAgentSignature(signature, by: fingerprint)
            valid = result.valid
            signer = result.signer?.fingerprint.value
        } else {
            valid = try await context.api.verifySignature(signature).valid
        }
        if context.output.json {
            struct Answer: Encodable {
                let valid: Bool
                let signer: String?
                let checkedBy: String
            }
            try context.output.document(
                Answer(valid: valid, signer: valid ? signer : nil, checkedBy: message == nil ? "server" : "local"))
        } else {
            context.output.line(valid ? "valid" : "invalid")
        }
        return valid ? .success : .failure
    }

    private func signerKey(_ context: AdminContext) async throws -> Ed25519PublicKey {
        if let publicKey { return publicKey }
        if let fingerprint {
            let profile = try await context.api.agentProfile(fingerprint)
            return try Ed25519PublicKey(parsing: profile.publicKey, requirePrefix: false)
        }
        return try context.agent(agent).privateKey().publicKey
    }
}
