/// The machine-readable `code` of a problem (`NOT_FOUND`, `VALIDATION_FAILED`, …).
///
/// All fifteen codes of spec §0.2, including `CONFLICT`, which openapi.json's enum leaves out.
public enum ProblemCode: OpenEnum {
    case unauthorized
    case forbidden
    case notFound
    case validationFailed
    case invalidChallenge
    case invalidSignature
    case voucherLimit
    case serializationExhausted
    case rateLimitExceeded
    case signingRequestExpired
    case signingRequestAlreadyCompleted
    case conflict
    case registrationFailed
    case upstreamError
    case internalServerError
    case unknown(String)

    public static let knownCases: [ProblemCode] = [
        .unauthorized, .forbidden, .notFound, .validationFailed, .invalidChallenge, .invalidSignature,
        .voucherLimit, .serializationExhausted, .rateLimitExceeded, .signingRequestExpired,
        .signingRequestAlreadyCompleted, .conflict, .registrationFailed, .upstreamError, .internalServerError,
    ]

    public var rawValue: String {
        switch self {
        case .unauthorized: "UNAUTHORIZED"
        case .forbidden: "FORBIDDEN"
        case .notFound: "NOT_FOUND"
        case .validationFailed: "VALIDATION_FAILED"
        case .invalidChallenge: "INVALID_CHALLENGE"
        case .invalidSignature: "INVALID_SIGNATURE"
        case .voucherLimit: "VOUCHER_LIMIT"
        case .serializationExhausted: "SERIALIZATION_EXHAUSTED"
        case .rateLimitExceeded: "RATE_LIMIT_EXCEEDED"
        case .signingRequestExpired: "SIGNING_REQUEST_EXPIRED"
        case .signingRequestAlreadyCompleted: "SIGNING_REQUEST_ALREADY_COMPLETED"
        case .conflict: "CONFLICT"
        case .registrationFailed: "REGISTRATION_FAILED"
        case .upstreamError: "UPSTREAM_ERROR"
        case .internalServerError: "INTERNAL_SERVER_ERROR"
        case .unknown(let value): value
        }
    }
}
