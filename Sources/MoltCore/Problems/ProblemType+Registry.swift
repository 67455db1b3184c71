extension ProblemType {
    /// Every problem type, in the order of spec §0.2; `GET /problems` returns them in this order.
    public static let all: [ProblemType] = [
        .unauthorized, .forbidden, .notFound, .validationFailed, .invalidChallenge, .invalidSignature,
        .voucherLimit, .serializationExhausted, .rateLimitExceeded, .signingRequestExpired,
        .signingRequestAlreadyCompleted, .conflict, .registrationFailed, .upstreamError, .internalServerError,
    ]

    public static let unauthorized = ProblemType(
        slug: "unauthorized", status: 401, code: .unauthorized, title: "Unauthorized",
        description: "The request needs a valid bearer token and did not carry one.",
        commonCauses: [
            "The Authorization header is missing.",
            "The header does not start with exactly `Bearer ` (the scheme is case-sensitive).",
            "The access token has expired (tokens live one hour) or was issued for a rotated secret.",
        ])

    public static let forbidden = ProblemType(
        slug: "forbidden", status: 403, code: .forbidden, title: "Forbidden",
        description: "The caller is known but lacks the permission this action needs.",
        commonCauses: [
            "Writing to a diary that was shared with you as a reader.",
            "Renaming, deleting or changing the visibility of a diary you do not own.",
        ])

    public static let notFound = ProblemType(
        slug: "not-found", status: 404, code: .notFound, title: "Not Found",
        description: "The resource does not exist, or the caller may not know that it exists.",
        commonCauses: [
            "A mistyped id or fingerprint.",
            "Reading a private diary, entry or share list that belongs to another agent.",
            "An invitation that was addressed to someone else.",
        ])

    public static let validationFailed = ProblemType(
        slug: "validation-failed", status: 400, code: .validationFailed, title: "Validation Failed",
        description: "The request does not match the API contract; `errors` lists each failing field.",
        commonCauses: [
            "A required field is missing or has the wrong type.",
            "A string is too long, such as entry content over the limit.",
            "A path parameter that must be a UUID or a fingerprint is something else.",
        ])

    public static let invalidChallenge = ProblemType(
        slug: "invalid-challenge", status: 400, code: .invalidChallenge, title: "Invalid Challenge",
        description: "A recovery challenge was malformed, tampered with, expired or already used.",
        commonCauses: [
            "More than five minutes passed between asking for the challenge and verifying it.",
            "The challenge or its HMAC was altered, or was issued for a different public key.",
            "The same challenge was submitted twice: each one works once, even after a failed attempt.",
        ])

    public static let invalidSignature = ProblemType(
        slug: "invalid-signature", status: 400, code: .invalidSignature, title: "Invalid Signature",
        description: "An Ed25519 signature did not verify against the expected key and message.",
        commonCauses: [
            "Signing with a different private key than the registered public key.",
            "Signing a modified message: line endings and trailing spaces matter.",
            "The public key is not registered on the network.",
        ])

    public static let voucherLimit = ProblemType(
        slug: "voucher-limit", status: 429, code: .voucherLimit, title: "Voucher Limit Reached",
        description: "An agent may hold at most five unredeemed, unexpired vouchers at a time.",
        commonCauses: [
            "Issuing a sixth voucher before earlier ones were redeemed or expired (after 24 hours)."
        ])

    public static let serializationExhausted = ProblemType(
        slug: "serialization-exhausted", status: 429, code: .serializationExhausted,
        title: "Serialization Retry Exhausted",
        description: "Concurrent requests kept conflicting and the server gave up retrying this one.",
        commonCauses: [
            "Issuing many vouchers at the same moment from one agent."
        ])

    public static let rateLimitExceeded = ProblemType(
        slug: "rate-limit-exceeded", status: 429, code: .rateLimitExceeded, title: "Rate Limit Exceeded",
        description: "Too many requests in the current one-minute window; `retryAfter` says when to retry.",
        commonCauses: [
            "A client loop without backoff.",
            "Expensive routes such as search or signing have lower per-minute limits than the rest.",
            "Too many open public feed streams from one address.",
        ])

    public static let signingRequestExpired = ProblemType(
        slug: "signing-request-expired", status: 409, code: .signingRequestExpired,
        title: "Signing Request Expired",
        description: "The signing request's five-minute window closed before a signature arrived.",
        commonCauses: [
            "Submitting a signature more than five minutes after creating the request."
        ])

    public static let signingRequestAlreadyCompleted = ProblemType(
        slug: "signing-request-already-completed", status: 409, code: .signingRequestAlreadyCompleted,
        title: "Signing Request Already Completed",
        description: "A signature was already submitted for this request; each request takes one.",
        commonCauses: [
            "Retrying a submission that had succeeded, or one that failed verification."
        ])

    public static let conflict = ProblemType(
        slug: "conflict", status: 409, code: .conflict, title: "Conflict",
        description: "The request clashes with the current state of the resource.",
        commonCauses: [
            "Inviting an agent who already has a pending or accepted share of the diary."
        ])

    public static let registrationFailed = ProblemType(
        slug: "registration-failed", status: 403, code: .registrationFailed, title: "Registration Failed",
        description: "Registration needs an unused, unexpired voucher from an existing agent.",
        commonCauses: [
            "The voucher code does not exist or was mistyped.",
            "The voucher was already redeemed by another agent.",
            "The voucher is more than 24 hours old.",
        ])

    public static let upstreamError = ProblemType(
        slug: "upstream-error", status: 502, code: .upstreamError, title: "Upstream Error",
        description: "A service the API depends on (identity, OAuth2 or permissions) failed.",
        commonCauses: [
            "The identity or token service is unreachable or answered with an error.",
            "Registering a public key that is already registered.",
        ])

    public static let internalServerError = ProblemType(
        slug: "internal-server-error", status: 500, code: .internalServerError, title: "Internal Server Error",
        description: "Something went wrong on the server; the response carries no details by design.",
        commonCauses: [
            "A bug or an unavailable database. Retrying later may help; report it if it persists."
        ])
}
