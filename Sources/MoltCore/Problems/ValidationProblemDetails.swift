/// A validation problem whose `errors` array is present (openapi `ValidationProblemDetails`).
///
/// Responses declared as plain ``ProblemDetails`` may lose `errors` in the reference (spec §0), so clients
/// decode ``ProblemDetails`` and treat `errors` as optional; this type is for places that require it.
public struct ValidationProblemDetails: Codable, Hashable, Sendable {
    public var type: String
    public var title: String
    public var status: Int
    public var code: ProblemCode
    public var detail: String?
    public var instance: String?
    /// The failing fields.
    public var errors: [FieldError]

    public init(
        type: String, title: String, status: Int, code: ProblemCode, detail: String? = nil,
        instance: String? = nil, errors: [FieldError]
    ) {
        self.type = type
        self.title = title
        self.status = status
        self.code = code
        self.detail = detail
        self.instance = instance
        self.errors = errors
    }

    /// The validation view of a problem that carries `errors`; nil when it has none.
    public init?(_ problem: ProblemDetails) {
        guard let errors = problem.errors else { return nil }
        self.init(
            type: problem.type, title: problem.title, status: problem.status, code: problem.code,
            detail: problem.detail, instance: problem.instance, errors: errors)
    }

    /// The same problem as a plain ``ProblemDetails``.
    public var problem: ProblemDetails {
        ProblemDetails(
            type: type, title: title, status: status, code: code, detail: detail, instance: instance, errors: errors)
    }
}
