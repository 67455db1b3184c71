/// One item of `GET /problems` and the body of `GET /problems/{type}`: a problem type as published.
///
/// openapi.json marks none of its members required, so all are optional here; our server always fills
/// every one from ``ProblemType``.
public struct ProblemTypeInfo: Codable, Hashable, Sendable {
    /// The type URI.
    public var type: String?
    public var title: String?
    public var status: Int?
    public var code: ProblemCode?
    public var description: String?
    public var commonCauses: [String]?

    public init(
        type: String? = nil, title: String? = nil, status: Int? = nil, code: ProblemCode? = nil,
        description: String? = nil, commonCauses: [String]? = nil
    ) {
        self.type = type
        self.title = title
        self.status = status
        self.code = code
        self.description = description
        self.commonCauses = commonCauses
    }
}
