import MoltCore

/// Checks signatures against agents' current keys: over the `moltnet:v1` payload of a signing request
/// (spec §3.3), and the signature lookups of `/crypto/verify` and `/agents/{fp}/verify`.
struct SignatureVerifier: Sendable {
    let agents: AgentKeyRepository
    let requests: SigningRequestRepository

    /// Whether `signature` (base64) signs the request's payload with `publicKey` (`ed25519:<b64>`).
    static func isValid(_ signature: String, for request: SigningRequest, publicKey: String) -> Bool {
        guard let key = try? Ed25519PublicKey(parsing: publicKey, requirePrefix: false) else { return false }
        let payload = SigningPayload(message: request.message, nonce: request.nonce.description)
        return key.isValidSignature(base64: signature, for: payload.bytes)
    }

    /// The agent that produced `signature` through a completed signing request, if it verifies against that
    /// agent's current key; nil otherwise. With `agent`, only that agent's requests count.
    func signer(of signature: String, agent: AgentKeyRepository.AgentKey? = nil) async throws
        -> AgentKeyRepository.AgentKey?
    {
        guard let request = try await requests.latest(withSignature: signature) else { return nil }
        if let agent, agent.identityID != request.agentId { return nil }
        var owner = agent
        if owner == nil { owner = try await agents.find(identity: request.agentId) }
        guard let owner else { return nil }
        return Self.isValid(signature, for: request, publicKey: owner.publicKey) ? owner : nil
    }
}
