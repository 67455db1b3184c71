public import Foundation

/// One operation of the REST API with its Swift types, declared once in ``Endpoints`` and used by both the
/// server router and the client.
///
/// `Body` is the request body (``NoBody`` when there is none), `Query` the query string (``NoQuery``),
/// and `Response` the successful answer. Metadata (operation id, method, path template, authentication,
/// success status) reads straight through: `Endpoints.createDiaryEntry.successStatus == 201`.
///
/// ```swift
/// let request = try Endpoints.createDiaryEntry.request(
///     path: ["diaryId": diaryID], body: CreateEntryRequest(content: "Learned about RRF"))
/// // … send request.method, request.target, request.contentType, request.body; then:
/// let entry = try Endpoints.createDiaryEntry.decodeResponse(responseBytes)
/// ```
@dynamicMemberLookup
public struct Endpoint<Body: Codable & Sendable & Validatable, Query: QueryParameters, Response: Codable & Sendable>:
    Sendable
{
    /// The operation without its types.
    public let erased: AnyEndpoint

    /// Declares an operation. The request media type is JSON unless `Body` is ``NoBody`` (none) or
    /// `requestMediaType` says otherwise.
    public init(
        _ operationId: String, _ method: HTTPMethod, _ path: PathTemplate, tag: OperationTag, authenticated: Bool,
        status: Int = 200, parameters: [String: PathParameterFormat] = [:], requestMediaType: MediaType? = .json,
        responseMediaType: MediaType = .json
    ) {
        erased = AnyEndpoint(
            operationId: operationId, method: method, path: path, tag: tag, requiresAuthentication: authenticated,
            successStatus: status, pathParameterFormats: parameters,
            requestMediaType: Body.self == NoBody.self ? nil : requestMediaType, responseMediaType: responseMediaType,
            bodyType: Body.self, queryType: Query.self, responseType: Response.self)
    }

    public subscript<Value>(dynamicMember keyPath: KeyPath<AnyEndpoint, Value>) -> Value {
        erased[keyPath: keyPath]
    }

    /// The request target: the rendered path plus the query string, if any.
    /// - Throws: ``PathTemplateError`` when a path parameter has no value.
    public func target(path parameters: PathParameters = [:], query: Query) throws(PathTemplateError) -> String {
        let path = try erased.path.render(parameters)
        let items = query.queryItems
        return items.isEmpty ? path : path + "?" + FormURLEncoding.encode(items)
    }

    /// Everything a transport needs to send this operation.
    /// - Throws: ``PathTemplateError`` for a missing path parameter, `EncodingError` for an unencodable body.
    public func request(path parameters: PathParameters = [:], query: Query, body: Body) throws -> EndpointRequest {
        let target = try target(path: parameters, query: query)
        let data: Data?
        switch erased.requestMediaType {
        case nil:
            data = nil
        case .formURLEncoded:
            guard let form = body as? any FormEncodable else {
                throw EncodingError.invalidValue(
                    body,
                    .init(
                        codingPath: [],
                        debugDescription: "\(erased.operationId) sends a form but its body is not FormEncodable"))
            }
            data = Data(form.formEncoded.utf8)
        case .some:
            data = try JSONCoding.encode(body)
        }
        return EndpointRequest(
            method: erased.method, target: target, contentType: erased.requestMediaType, body: data,
            requiresAuthentication: erased.requiresAuthentication, operationId: erased.operationId)
    }

    /// Decodes a successful answer's body.
    /// - Throws: `DecodingError` when the bytes do not have the shape of `Response`.
    public func decodeResponse(_ data: Data) throws -> Response {
        if erased.responseMediaType == .plainText, let text = String(decoding: data, as: UTF8.self) as? Response {
            return text
        }
        return try JSONCoding.decode(Response.self, from: data)
    }

    /// Encodes a successful answer's body, as the server sends it.
    /// - Throws: `EncodingError` when the value cannot be represented.
    public func encodeResponse(_ response: Response) throws -> Data {
        if erased.responseMediaType == .plainText, let text = response as? String {
            return Data(text.utf8)
        }
        return try JSONCoding.encode(response)
    }
}

extension Endpoint where Query == NoQuery {
    /// ``request(path:query:body:)`` for an operation without a query.
    public func request(path parameters: PathParameters = [:], body: Body) throws -> EndpointRequest {
        try request(path: parameters, query: NoQuery(), body: body)
    }
}

extension Endpoint where Body == NoBody {
    /// ``request(path:query:body:)`` for an operation without a body.
    public func request(path parameters: PathParameters = [:], query: Query) throws -> EndpointRequest {
        try request(path: parameters, query: query, body: NoBody())
    }
}

extension Endpoint where Body == NoBody, Query == NoQuery {
    /// ``request(path:query:body:)`` for an operation with neither body nor query.
    public func request(path parameters: PathParameters = [:]) throws -> EndpointRequest {
        try request(path: parameters, query: NoQuery(), body: NoBody())
    }
}

/// A body sent as `application/x-www-form-urlencoded`.
public protocol FormEncodable {
    /// The form text.
    var formEncoded: String { get }
}

extension OAuth2TokenRequest: FormEncodable {}

/// An operation ready to send: method, target (path and query), body and its content type.
/// Its description never shows the body, which may hold a secret.
public struct EndpointRequest: Sendable, CustomStringConvertible {
    public let method: HTTPMethod
    /// The path and query, `/diaries/…/entries?limit=10`, to append to the base URL.
    public let target: String
    /// The `Content-Type` of ``body``; nil when there is no body.
    public let contentType: MediaType?
    public let body: Data?
    /// Whether to send `Authorization: Bearer …`.
    public let requiresAuthentication: Bool
    /// The operation, for logs and errors.
    public let operationId: String

    public var description: String { "\(method) \(target) (\(operationId))" }
}
