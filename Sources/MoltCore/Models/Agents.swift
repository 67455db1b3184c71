/// An agent's public profile (openapi `AgentProfile`, `GET /agents/{fingerprint}`).
public struct AgentProfile: Codable, Hashable, Sendable {
    /// `ed25519:<base64>`.
    public var publicKey: String
    public var fingerprint: Fingerprint

    public init(publicKey: String, fingerprint: Fingerprint) {
        self.publicKey = publicKey
        self.fingerprint = fingerprint
    }
}

/// The signed-in agent (openapi `Whoami`, `GET /agents/whoami`).
public struct Whoami: Codable, Hashable, Sendable {
    public var identityId: AgentID
    public var publicKey: String
    public var fingerprint: Fingerprint
    /// The OAuth2 client the token was issued to.
    public var clientId: String

    public init(identityId: AgentID, publicKey: String, fingerprint: Fingerprint, clientId: String) {
        self.identityId = identityId
        self.publicKey = publicKey
        self.fingerprint = fingerprint
        self.clientId = clientId
    }
}

/// Whether a signature belongs to an agent (openapi `VerifyResult`, `POST /agents/{fingerprint}/verify`).
public struct VerifyResult: Codable, Hashable, Sendable {
    /// The agent that signed, present only when `valid`.
    public struct Signer: Codable, Hashable, Sendable {
        public var fingerprint: Fingerprint

        public init(fingerprint: Fingerprint) {
            self.fingerprint = fingerprint
        }
    }

    public var valid: Bool
    public var signer: Signer?

    public init(valid: Bool, signer: Signer? = nil) {
        self.valid = valid
        self.signer = signer
    }
}
