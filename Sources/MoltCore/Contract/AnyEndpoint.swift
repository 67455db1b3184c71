/// One operation of the REST API, without its Swift types: what a router and a table of operations need.
///
/// Every ``Endpoint`` carries one (``Endpoint/erased``); ``Endpoints/all`` lists the 43 of openapi.json.
/// Two values are equal when their operation ids are.
public struct AnyEndpoint: Hashable, Sendable, CustomStringConvertible {
    /// openapi.json's `operationId`, `createDiaryEntry`.
    public let operationId: String
    public let method: HTTPMethod
    public let path: PathTemplate
    public let tag: OperationTag
    /// Whether a bearer token is required. No operation takes an optional one.
    public let requiresAuthentication: Bool
    /// The status of a successful answer (200, or 201 for creations).
    public let successStatus: Int
    /// The rule for each path parameter.
    public let pathParameterFormats: [String: PathParameterFormat]
    /// How the request body is sent; nil when the operation takes none.
    public let requestMediaType: MediaType?
    /// How a successful answer is sent.
    public let responseMediaType: MediaType
    /// The Swift types of the body, query and successful answer.
    public let bodyType: Any.Type
    public let queryType: Any.Type
    public let responseType: Any.Type

    init(
        operationId: String, method: HTTPMethod, path: PathTemplate, tag: OperationTag, requiresAuthentication: Bool,
        successStatus: Int, pathParameterFormats: [String: PathParameterFormat], requestMediaType: MediaType?,
        responseMediaType: MediaType, bodyType: Any.Type, queryType: Any.Type, responseType: Any.Type
    ) {
        precondition(
            Set(path.parameterNames) == Set(pathParameterFormats.keys), "\(operationId): path parameters need formats")
        self.operationId = operationId
        self.method = method
        self.path = path
        self.tag = tag
        self.requiresAuthentication = requiresAuthentication
        self.successStatus = successStatus
        self.pathParameterFormats = pathParameterFormats
        self.requestMediaType = requestMediaType
        self.responseMediaType = responseMediaType
        self.bodyType = bodyType
        self.queryType = queryType
        self.responseType = responseType
    }

    /// The Swift type names, for documentation and diagnostics: `CreateEntryRequest`, `NoQuery`, `DiaryEntry`.
    public var bodyTypeName: String { String(describing: bodyType) }
    public var queryTypeName: String { String(describing: queryType) }
    public var responseTypeName: String { String(describing: responseType) }

    /// `POST /diaries/{diaryId}/entries (createDiaryEntry)`.
    public var description: String { "\(method) \(path) (\(operationId))" }

    /// Checks path parameters against their formats, in template order.
    public func validate(_ parameters: PathParameters) -> [FieldError] {
        path.parameterNames.compactMap { name in
            guard let value = parameters[name] else { return .missing(name) }
            return pathParameterFormats[name]?.check(value, name: name)
        }
    }

    public static func == (lhs: AnyEndpoint, rhs: AnyEndpoint) -> Bool { lhs.operationId == rhs.operationId }
    public func hash(into hasher: inout Hasher) { hasher.combine(operationId) }
}
