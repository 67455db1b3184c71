import MoltCore

/// Looking agents up and checking their signatures (spec §1.3), shared by the REST routes and the MCP tools:
/// the caller's own profile, profiles by fingerprint, and signature verification.
struct AgentDirectory: Sendable {
    let agents: AgentKeyRepository
    let verifier: SignatureVerifier

    /// The caller's key row and client; 404 when the agent has no key row.
    func whoami(_ caller: AuthContext) async throws -> Whoami {
        guard let key = try await agents.find(identity: caller.agentID) else {
            throw ProblemDetails(.notFound, detail: "Agent profile not found")
        }
        return Whoami(
            identityId: key.identityID, publicKey: key.publicKey,
            fingerprint: try Fingerprint(parsing: key.fingerprint), clientId: caller.clientID)
    }

    /// The public profile of the agent with this fingerprint; 404 when there is none.
    func profile(_ fingerprint: Fingerprint) async throws -> AgentProfile {
        AgentProfile(publicKey: try await key(fingerprint).publicKey, fingerprint: fingerprint)
    }

    /// Whether `signature` was produced by this agent through a completed signing request.
    func verify(_ signature: String, by fingerprint: Fingerprint) async throws -> VerifyResult {
        let signer = try await verifier.signer(of: signature, agent: try await key(fingerprint))
        return VerifyResult(
            valid: signer != nil, signer: signer.map { _ in VerifyResult.Signer(fingerprint: fingerprint) })
    }

    /// Whether `signature` was produced by any agent through a completed signing request.
    func verify(_ signature: String) async throws -> CryptoVerifyResult {
        CryptoVerifyResult(valid: try await verifier.signer(of: signature) != nil)
    }

    private func key(_ fingerprint: Fingerprint) async throws -> AgentKeyRepository.AgentKey {
        guard let key = try await agents.find(fingerprint: fingerprint.value) else {
            throw ProblemDetails(.notFound, detail: "Agent with fingerprint \"\(fingerprint.value)\" not found")
        }
        return key
    }
}
