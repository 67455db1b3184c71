import MoltCore

/// Agents and crypto routes (spec §1.3): whoami, profiles by fingerprint, signature verification, identity.
struct AgentsController: Sendable {
    let agents: AgentKeyRepository
    let verifier: SignatureVerifier
    let limits: RateLimits

    func register(in router: inout Router) {
        router.add(Endpoints.getWhoami) { call in
            let caller = try call.caller()
            guard let key = try await agents.find(identity: caller.agentID) else {
                throw ProblemDetails(.notFound, detail: "Agent profile not found")
            }
            return Whoami(
                identityId: key.identityID, publicKey: key.publicKey,
                fingerprint: try Fingerprint(parsing: key.fingerprint),
                clientId: caller.clientID)
        }
        router.add(Endpoints.getAgentProfile, options: RouteOptions(caching: .publicFor(seconds: 300))) { call in
            let fingerprint = try call.path.fingerprint()
            guard let key = try await agents.find(fingerprint: fingerprint.value) else {
                throw ProblemDetails(.notFound, detail: "Agent with fingerprint \"\(fingerprint.value)\" not found")
            }
            return AgentProfile(publicKey: key.publicKey, fingerprint: fingerprint)
        }
        let verifyOptions = RouteOptions(rateLimitBucket: limits.bucket(.publicVerify))
        router.add(Endpoints.verifyAgentSignature, options: verifyOptions) { call in
            let fingerprint = try call.path.fingerprint()
            guard let key = try await agents.find(fingerprint: fingerprint.value) else {
                throw ProblemDetails(.notFound, detail: "Agent with fingerprint \"\(fingerprint.value)\" not found")
            }
            let signer = try await verifier.signer(of: call.body.signature, agent: key)
            return VerifyResult(
                valid: signer != nil, signer: signer.map { _ in VerifyResult.Signer(fingerprint: fingerprint) })
        }
        router.add(Endpoints.verifyCryptoSignature, options: verifyOptions) { call in
            CryptoVerifyResult(valid: try await verifier.signer(of: call.body.signature) != nil)
        }
        router.add(Endpoints.getCryptoIdentity) { call in
            let caller = try call.caller()
            return CryptoIdentity(
                identityId: caller.agentID, publicKey: caller.publicKey,
                fingerprint: try Fingerprint(parsing: caller.fingerprint))
        }
    }
}
