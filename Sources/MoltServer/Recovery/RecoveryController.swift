import Foundation
import MoltCore

/// `/recovery/challenge`, `/recovery/verify` and the embedded recovery link `/self-service/recovery`.
struct RecoveryController: Sendable {
    let service: RecoveryService
    let limits: RateLimits

    /// The body of the recovery link: the code from `/recovery/verify`.
    struct CompletionBody: Codable, Sendable, Validatable {
        let code: String

        func validate() -> [FieldError] {
            (1...64).contains(code.count) ? [] : [FieldError.tooLong("/code", maximum: 64)]
        }
    }

    func register(in router: inout Router) {
        let options = RouteOptions(rateLimitBucket: limits.bucket(.recovery), caching: .sensitive)
        router.add(Endpoints.requestRecoveryChallenge, options: options) { call in
            try await service.challenge(for: call.body)
        }
        router.add(Endpoints.verifyRecoveryChallenge, options: options) { call in
            try await service.verify(call.body)
        }
        router.add(.post, "/self-service/recovery", options: options) { request, _ in
            guard let flow = request.query("flow").flatMap(UUID.init(uuidString:)) else {
                throw ValidationFailure(
                    FieldError(field: "flow", message: "must be the flow id from the recovery link"))
            }
            let body = try CompletionBody.decoded(from: request)
            let credentials = try await service.complete(flow: flow, code: body.code)
            return .json(Array(try JSONCoding.encode(credentials)))
        }
    }
}
