/// One kind of problem the API reports (spec §0.2): its slug, HTTP status, code and title, plus the
/// description and common causes that `GET /problems` publishes.
///
/// The fifteen types are static members (`.notFound`, `.validationFailed`, …) and ``all`` lists them in
/// the spec's order, which matters: when an error carries no code, the problem is the first type with the
/// same status (``matching(status:)``).
public struct ProblemType: Hashable, Sendable {
    /// The prefix of every problem type URI.
    public static let uriPrefix = "https://themolt.net/problems/"
    /// The `detail` every problem with status 500 or more carries, whatever went wrong.
    public static let serverErrorDetail = "An unexpected error occurred"

    /// The last segment of the type URI, `not-found`.
    public let slug: String
    /// The HTTP status this problem is sent with.
    public let status: Int
    /// The machine-readable code.
    public let code: ProblemCode
    /// The short human title, `Not Found`.
    public let title: String
    /// What the problem means (our wording).
    public let description: String
    /// Typical reasons a client meets it (our wording).
    public let commonCauses: [String]

    public init(
        slug: String, status: Int, code: ProblemCode, title: String, description: String, commonCauses: [String]
    ) {
        self.slug = slug
        self.status = status
        self.code = code
        self.title = title
        self.description = description
        self.commonCauses = commonCauses
    }

    /// The problem's `type` URI, `https://themolt.net/problems/not-found`.
    public var uri: String { Self.uriPrefix + slug }

    /// The `GET /problems` item for this type.
    public var info: ProblemTypeInfo {
        ProblemTypeInfo(
            type: uri, title: title, status: status, code: code, description: description,
            commonCauses: commonCauses)
    }

    /// The registered type with this slug.
    public static func named(_ slug: String) -> ProblemType? {
        all.first { $0.slug == slug }
    }

    /// The registered type with this `type` URI.
    public static func withURI(_ uri: String) -> ProblemType? {
        guard uri.hasPrefix(uriPrefix) else { return nil }
        return named(String(uri.dropFirst(uriPrefix.count)))
    }

    /// The registered type with this code.
    public static func withCode(_ code: ProblemCode) -> ProblemType? {
        all.first { $0.code == code }
    }

    /// The first registered type with this status, else internal-server-error (the reference's fallback:
    /// 400 → validation-failed, 429 → voucher-limit, 409 → signing-request-expired). A caller keeps its own
    /// status number when it falls back to internal-server-error.
    public static func matching(status: Int) -> ProblemType {
        all.first { $0.status == status } ?? .internalServerError
    }
}
