import MoltCore

/// `/crypto/signing-requests` routes (spec §1.3).
struct SigningController: Sendable {
    let service: SigningService
    let limits: RateLimits

    func register(in router: inout Router) {
        router.add(Endpoints.createSigningRequest, options: RouteOptions(rateLimitBucket: limits.bucket(.signing))) {
            call in try await service.create(call.body, by: call.caller())
        }
        router.add(Endpoints.listSigningRequests) { call in
            try await service.list(call.query, by: call.caller())
        }
        router.add(Endpoints.getSigningRequest) { call in
            try await service.get(call.path.uuid("id"), by: call.caller())
        }
        router.add(Endpoints.submitSignature) { call in
            try await service.submit(call.body.signature, to: call.path.uuid("id"), by: call.caller())
        }
    }
}
