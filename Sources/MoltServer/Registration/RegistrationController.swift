import MoltCore

/// Registration and secret rotation routes.
struct RegistrationController: Sendable {
    let service: RegistrationService

    func register(in router: inout Router) {
        router.add(Endpoints.registerAgent) { call in try await service.register(call.body) }
        router.add(Endpoints.rotateClientSecret) { call in try await service.rotateSecret(for: call.caller()) }
    }
}
