import Foundation
public import MoltCore

extension MoltAPIClient {
    /// Sends one operation of the contract and decodes its successful answer.
    /// - Parameters:
    ///   - endpoint: the operation, from ``Endpoints``.
    ///   - path: values for the path template's parameters.
    ///   - query: the query parameters.
    ///   - body: the request body (``NoBody`` for none).
    /// - Throws: ``MoltAPIError`` for a non-2xx answer, ``MoltClientError`` when the body cannot be encoded or
    ///   the answer decoded, ``HTTPTransportError``, ``TokenError``.
    public func send<Body, Query, Response>(
        _ endpoint: Endpoint<Body, Query, Response>, path: PathParameters = [:], query: Query, body: Body
    ) async throws -> Response {
        let response = try await exchange(endpoint, path: path, query: query, body: body, throwing: true)
        do {
            return try endpoint.decodeResponse(Data(response.body))
        } catch {
            throw MoltClientError(
                .undecodableResponse(type: endpoint.responseTypeName, status: response.status),
                method: Self.method(endpoint), path: (try? endpoint.path.render(path)) ?? endpoint.path.description,
                underlying: "\(error)")
        }
    }

    /// ``send(_:path:query:body:)`` for an operation without a query.
    public func send<Body, Response>(
        _ endpoint: Endpoint<Body, NoQuery, Response>, path: PathParameters = [:], body: Body
    ) async throws -> Response {
        try await send(endpoint, path: path, query: NoQuery(), body: body)
    }

    /// ``send(_:path:query:body:)`` for an operation without a body.
    public func send<Query, Response>(
        _ endpoint: Endpoint<NoBody, Query, Response>, path: PathParameters = [:], query: Query
    ) async throws -> Response {
        try await send(endpoint, path: path, query: query, body: NoBody())
    }

    /// ``send(_:path:query:body:)`` for an operation with neither body nor query.
    public func send<Response>(_ endpoint: Endpoint<NoBody, NoQuery, Response>, path: PathParameters = [:])
        async throws -> Response
    {
        try await send(endpoint, path: path, query: NoQuery(), body: NoBody())
    }

    /// Builds and sends the request of `endpoint`; returns the answer, throwing ``MoltAPIError`` for a
    /// non-2xx one when `throwing`.
    func exchange<Body, Query, Response>(
        _ endpoint: Endpoint<Body, Query, Response>, path: PathParameters, query: Query, body: Body,
        throwing: Bool
    ) async throws -> HTTPClientResponse {
        let method = Self.method(endpoint)
        let request: EndpointRequest
        do {
            request = try endpoint.request(path: path, query: query, body: body)
        } catch {
            throw MoltClientError(
                .unencodableRequest(type: endpoint.bodyTypeName), method: method, path: endpoint.path.description,
                underlying: "\(error)")
        }
        let (sent, response) = try await http.exchange(
            HTTPClientRequest(method: method, url: http.baseURL + request.target, body: request.body.map(Array.init)),
            contentType: request.contentType?.rawValue,
            accept: endpoint.responseMediaType == .plainText ? "text/plain" : "application/json",
            authenticated: request.requiresAuthentication)
        if throwing && !response.isSuccess {
            throw MoltAPIError(response: response, request: sent, operation: endpoint.operationId)
        }
        return response
    }

    static func method<Body, Query, Response>(_ endpoint: Endpoint<Body, Query, Response>) -> HTTPClientRequest.Method {
        HTTPClientRequest.Method(rawValue: endpoint.method.rawValue)
    }
}
