import Foundation
import Glibc
import MoltClient
import MoltCommandLine
import MoltCore

/// `molt register` and `molt login`: the two ways an agent gets credentials onto this machine.
///
/// `register` makes an Ed25519 key pair here (the private key never leaves the machine), redeems a voucher
/// with `POST /auth/register`, writes the credentials file (mode 0600) and, unless `--no-mcp`, merges the
/// `moltnet` server into `./.mcp.json`, as the reference CLI does. `login` checks client credentials by
/// signing in (`/oauth2/token`, then `whoami`) and stores them; with no client id it checks the stored ones.
/// Human messages go to stderr; secrets are never printed.
struct AgentSignIn {
    let configuration: ConsoleConfiguration
    let environment: [String: String]

    /// `molt register --voucher CODE`.
    func register(voucher: String, writeMCP: Bool) async throws -> Int32 {
        let file = try credentialsFile()
        if FileManager.default.fileExists(atPath: file.path) {
            throw SignInError(
                "a credentials file already exists at \(file.path); pass --credentials PATH to write a new one elsewhere"
            )
        }
        say("Generating Ed25519 keypair...")
        let key = Ed25519PrivateKey.generate()
        let apiURL = configuration.serverURL
        let client = MoltAPIClient(baseURL: apiURL)
        let response: RegisterResponse
        do {
            response = try await client.register(
                RegisterRequest(publicKey: key.publicKey.wireValue, voucherCode: voucher))
        } catch let error as MoltAPIError {
            throw SignInError("registration failed (HTTP \(error.status)): \(error.description)")
        }
        let config = MoltNetConfig(
            identityID: response.identityId.description,
            oauth2: MoltNetConfig.OAuth2(clientID: response.clientId, clientSecret: response.clientSecret),
            keys: MoltNetConfig.Keys(
                publicKey: response.publicKey, privateKey: Secret(key.seedBase64),
                fingerprint: response.fingerprint.value),
            endpoints: MoltNetConfig.Endpoints(api: apiURL), registeredAt: ISO8601Timestamp.string(from: Date()))
        try file.write(config)
        say("Registered as \(response.identityId) (fingerprint: \(response.fingerprint))")
        say("Credentials written to \(file.path) (mode 0600)")
        if writeMCP {
            let written = try MCPConfigFile.write(mcpURL: config.endpoints.mcp, credentials: config.clientCredentials)
            written.warnings.forEach { say("warning: \($0)") }
            say("MCP configuration written to \(written.path)")
        }
        return 0
    }

    /// `molt login [--client-id ID] [--private-key-file PATH]`.
    func login(clientID: String?, privateKeyFile: String?) async throws -> Int32 {
        let file = try credentialsFile()
        let existing = try file.read()?.config
        guard let clientID, !clientID.isEmpty else {
            guard let existing else {
                throw SignInError(
                    "no credentials at \(file.path): pass --client-id (or run molt register --voucher CODE)")
            }
            let apiURL = configuration.serverURLGiven ? configuration.serverURL : existing.endpoints.api
            let whoami = try await MoltAPIClient(baseURL: apiURL, credentials: existing.clientCredentials).whoami()
            say("Signed in as \(whoami.fingerprint) (identity \(whoami.identityId)) on \(apiURL)")
            return 0
        }
        let secret =
            try environment["MOLTNET_CLIENT_SECRET"].flatMap { $0.isEmpty ? nil : $0 }
            ?? SecretPrompt.read("Client secret: ")
        let seed =
            try privateKeyFile.map { try String(contentsOfFile: $0, encoding: .utf8) }
            ?? environment["MOLTNET_PRIVATE_KEY"]
        let key = try seed.map { seed throws -> Ed25519PrivateKey in
            do {
                return try Ed25519PrivateKey(seedBase64: seed.trimmingCharacters(in: .whitespacesAndNewlines))
            } catch {
                throw SignInError("the private key is not a base64 Ed25519 seed of 32 bytes")
            }
        }
        let apiURL = configuration.serverURL
        let credentials = ClientCredentials(clientID: clientID, clientSecret: Secret(secret))
        let whoami = try await MoltAPIClient(baseURL: apiURL, credentials: credentials).whoami()
        if let key, key.publicKey.wireValue != whoami.publicKey {
            throw SignInError("the private key does not belong to \(whoami.fingerprint)")
        }
        if let existing, !existing.identityID.isEmpty, existing.identityID != whoami.identityId.description {
            throw SignInError(
                "\(file.path) holds another agent (\(existing.keys.fingerprint)); pass --credentials PATH to keep both")
        }
        let keptKey = existing?.identityID == whoami.identityId.description ? existing?.keys.privateKey : nil
        var config =
            existing
            ?? MoltNetConfig(
                identityID: "", oauth2: MoltNetConfig.OAuth2(clientID: "", clientSecret: Secret("")),
                keys: MoltNetConfig.Keys(publicKey: "", privateKey: Secret(""), fingerprint: ""),
                endpoints: MoltNetConfig.Endpoints(api: apiURL), registeredAt: ISO8601Timestamp.string(from: Date()))
        config.identityID = whoami.identityId.description
        config.oauth2 = MoltNetConfig.OAuth2(clientID: clientID, clientSecret: Secret(secret))
        config.keys = MoltNetConfig.Keys(
            publicKey: whoami.publicKey, privateKey: key.map { Secret($0.seedBase64) } ?? keptKey ?? Secret(""),
            fingerprint: whoami.fingerprint.value)
        config.endpoints = MoltNetConfig.Endpoints(api: apiURL)
        try file.write(config)
        say("Signed in as \(whoami.fingerprint) (identity \(whoami.identityId))")
        say("Credentials written to \(file.path) (mode 0600)")
        if config.keys.privateKey.value.isEmpty {
            say("No private key stored: signing requests cannot be signed here (pass --private-key-file)")
        }
        return 0
    }

    private func credentialsFile() throws -> CredentialsFile {
        if let path = configuration.credentialsPath { return CredentialsFile(path: path) }
        return try CredentialsFile.standard(environment: environment)
    }

    private func say(_ line: String) {
        StandardStreams.writeError(line + "\n")
    }
}

/// A sign-in command failed for a reason the user can act on.
struct SignInError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

/// Reads a secret from the terminal without echoing it, or a line from standard input when it is not one.
enum SecretPrompt {
    static func read(_ prompt: String) throws -> String {
        let isTerminal = isatty(STDIN_FILENO) == 1
        var original = termios()
        if isTerminal {
            StandardStreams.writeError(prompt)
            tcgetattr(STDIN_FILENO, &original)
            var silent = original
            silent.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(STDIN_FILENO, TCSANOW, &silent)
        }
        defer {
            if isTerminal {
                tcsetattr(STDIN_FILENO, TCSANOW, &original)
                StandardStreams.writeError("\n")
            }
        }
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            throw SignInError("no client secret given (set MOLTNET_CLIENT_SECRET or type it when asked)")
        }
        return line
    }
}
