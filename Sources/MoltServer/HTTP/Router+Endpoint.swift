import Foundation
public import MoltCore

/// A decoded call of a contract operation: the request, its context, and the checked path parameters,
/// query and body.
public struct EndpointCall<Body: Sendable, Query: Sendable>: Sendable {
    public let request: HTTPRequest
    public let context: RequestContext
    public let path: PathParameters
    public let query: Query
    public let body: Body

    /// The authenticated caller (routes requiring authentication always have one).
    public func caller() throws(ProblemDetails) -> AuthContext {
        try context.requireCaller()
    }
}

extension Router {
    /// Registers `handler` for an operation of the contract: path parameters are checked against their formats,
    /// the query and JSON body decoded and validated (400 validation-failed with field errors otherwise), and
    /// the result encoded with the operation's success status.
    public mutating func add<Body, Query, Response>(
        _ endpoint: Endpoint<Body, Query, Response>, options: RouteOptions = RouteOptions(),
        _ handler: @escaping @Sendable (EndpointCall<Body, Query>) async throws -> Response
    ) {
        add(
            endpoint, options: options,
            respond: { call in
                let encoded = try endpoint.encodeResponse(try await handler(call))
                let contentType =
                    endpoint.responseMediaType == .plainText
                    ? MediaType.plainText.rawValue : "application/json; charset=utf-8"
                return HTTPResponse(status: endpoint.successStatus, contentType: contentType, bytes: Array(encoded))
            })
    }

    /// Registers a handler that builds the whole response itself (custom headers, streams, status choices).
    public mutating func add<Body, Query, Response>(
        _ endpoint: Endpoint<Body, Query, Response>, options: RouteOptions = RouteOptions(),
        respond handler: @escaping @Sendable (EndpointCall<Body, Query>) async throws -> HTTPResponse
    ) {
        var options = options
        options.operationID = endpoint.operationId
        options.requiresAuthentication = endpoint.requiresAuthentication
        add(endpoint.method, endpoint.path, options: options) { request, context in
            let parameterErrors = endpoint.erased.validate(context.parameters)
            guard parameterErrors.isEmpty else { throw ValidationFailure(errors: parameterErrors) }
            let query = try Query.decoded(from: request)
            let body = try Body.decoded(from: request)
            return try await handler(
                EndpointCall(request: request, context: context, path: context.parameters, query: query, body: body))
        }
    }
}

extension QueryParameters {
    static func decoded(from request: HTTPRequest) throws(ValidationFailure) -> Self {
        try Self(queryItems: request.queryItems.map { QueryItem($0.name, $0.value) })
    }
}

extension Decodable where Self: Validatable {
    /// Decodes and validates a JSON body; `NoBody` ignores the body, an empty body reads as `{}` only when
    /// the type accepts it (otherwise the missing members are reported).
    static func decoded(from request: HTTPRequest) throws(ValidationFailure) -> Self {
        if let none = NoBody() as? Self { return none }
        let bytes = request.body.isEmpty ? Array("{}".utf8) : request.body
        return try ValidationFailure.decodeBody(Self.self, from: Data(bytes))
    }
}
