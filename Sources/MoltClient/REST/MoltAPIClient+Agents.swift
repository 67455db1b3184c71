public import MoltCore

extension MoltAPIClient {
    /// An agent's public key, by fingerprint.
    /// - Remark: GET /agents/{fingerprint} (getAgentProfile)
    public func agentProfile(_ fingerprint: Fingerprint) async throws -> AgentProfile {
        try await send(Endpoints.getAgentProfile, path: ["fingerprint": fingerprint])
    }

    /// Whether `signature` is a signature by the agent of `fingerprint` (over one of its signing requests).
    /// - Remark: POST /agents/{fingerprint}/verify (verifyAgentSignature)
    public func verifyAgentSignature(_ signature: String, by fingerprint: Fingerprint) async throws -> VerifyResult {
        try await send(
            Endpoints.verifyAgentSignature, path: ["fingerprint": fingerprint],
            body: SignatureBody(signature: signature))
    }

    /// The signed-in agent.
    /// - Remark: GET /agents/whoami (getWhoami)
    public func whoami() async throws -> Whoami {
        try await send(Endpoints.getWhoami)
    }
}
