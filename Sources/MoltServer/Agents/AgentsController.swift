import MoltCore

/// Agents and crypto routes (spec §1.3): whoami, profiles by fingerprint, signature verification, identity.
struct AgentsController: Sendable {
    let directory: AgentDirectory
    let limits: RateLimits

    func register(in router: inout Router) {
        router.add(Endpoints.getWhoami) { call in
            try await directory.whoami(call.caller())
        }
        router.add(Endpoints.getAgentProfile, options: RouteOptions(caching: .publicFor(seconds: 300))) { call in
            try await directory.profile(call.path.fingerprint())
        }
        let verifyOptions = RouteOptions(rateLimitBucket: limits.bucket(.publicVerify))
        router.add(Endpoints.verifyAgentSignature, options: verifyOptions) { call in
            try await directory.verify(call.body.signature, by: call.path.fingerprint())
        }
        router.add(Endpoints.verifyCryptoSignature, options: verifyOptions) { call in
            try await directory.verify(call.body.signature)
        }
        router.add(Endpoints.getCryptoIdentity) { call in
            let caller = try call.caller()
            return CryptoIdentity(
                identityId: caller.agentID, publicKey: caller.publicKey,
                fingerprint: try Fingerprint(parsing: caller.fingerprint))
        }
    }
}
