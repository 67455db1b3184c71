import Foundation
public import MoltCore

/// The body of an operation that answers without one (204), for ``MoltHTTPClient/send(_:_:query:authenticated:operation:as:)``.
public struct NoContent: Decodable, Sendable, Equatable {
    public init() {}
}

extension MoltHTTPClient {
    /// Sends a request and returns the raw 2xx response.
    /// - Parameters:
    ///   - method: the HTTP method.
    ///   - path: the path under the base URL, starting with `/`, its segments already percent-encoded.
    ///   - query: query parameters, percent-encoded here, in order.
    ///   - body: the body bytes, sent with `contentType`.
    ///   - headers: extra headers.
    ///   - authenticated: whether to send the bearer token (and refresh it once on a 401).
    ///   - operation: the OpenAPI operation id, for errors and logs.
    /// - Throws: ``MoltAPIError`` for a non-2xx response, ``HTTPTransportError``, ``TokenError``,
    ///   ``MoltClientError``.
    public func send(
        _ method: HTTPClientRequest.Method, _ path: String, query: [QueryItem] = [],
        body: [UInt8]? = nil, contentType: String? = nil, headers: HTTPClientHeaders = [:],
        authenticated: Bool = true, operation: String? = nil
    ) async throws -> HTTPClientResponse {
        let (request, response) = try await exchange(
            HTTPClientRequest(method: method, url: url(path, query: query), headers: headers, body: body),
            contentType: contentType, authenticated: authenticated)
        guard response.isSuccess else {
            throw MoltAPIError(response: response, request: request, operation: operation)
        }
        return response
    }

    /// Sends a request with the client's defaults (`Accept`, request id, bearer token when `authenticated`)
    /// and returns whatever the server answered, with the request as sent.
    func exchange(
        _ request: HTTPClientRequest, contentType: String?, accept: String = "application/json",
        authenticated: Bool
    ) async throws -> (HTTPClientRequest, HTTPClientResponse) {
        var request = request
        if !request.headers.contains("Accept") { request.headers["Accept"] = accept }
        if let contentType { request.headers["Content-Type"] = contentType }
        request = request.identified()
        let sender: any HTTPTransport
        if authenticated {
            guard let authenticatedTransport else {
                throw MoltClientError(
                    .missingCredentials, method: request.method, path: Self.path(of: request.redactedURL))
            }
            sender = authenticatedTransport
        } else {
            sender = transport
        }
        return (request, try await sender.send(request))
    }

    /// The path of an absolute URL.
    static func path(of url: String) -> String {
        guard let scheme = url.range(of: "://") else { return url }
        let rest = url[scheme.upperBound...]
        return rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? "/"
    }

    /// Sends a JSON body and decodes the JSON response.
    public func send<Response: Decodable>(
        _ method: HTTPClientRequest.Method, _ path: String, query: [QueryItem] = [],
        body: some Encodable, authenticated: Bool = true, operation: String? = nil,
        as type: Response.Type = Response.self
    ) async throws -> Response {
        let bytes: Data
        do {
            bytes = try encoder.encode(body)
        } catch {
            throw MoltClientError(
                .unencodableRequest(type: "\(Swift.type(of: body))"), method: method, path: path,
                underlying: "\(error)")
        }
        let response = try await send(
            method, path, query: query, body: Array(bytes), contentType: "application/json",
            authenticated: authenticated, operation: operation)
        return try decode(response, as: type, method: method, path: path)
    }

    /// Sends a request without a body and decodes the JSON response.
    public func send<Response: Decodable>(
        _ method: HTTPClientRequest.Method, _ path: String, query: [QueryItem] = [],
        authenticated: Bool = true, operation: String? = nil, as type: Response.Type = Response.self
    ) async throws -> Response {
        let response = try await send(
            method, path, query: query, body: nil, authenticated: authenticated, operation: operation)
        return try decode(response, as: type, method: method, path: path)
    }

    /// The absolute URL of `path` with `query` appended.
    public func url(_ path: String, query: [QueryItem] = []) -> String {
        let prefix = path.hasPrefix("/") ? "" : "/"
        guard !query.isEmpty else { return baseURL + prefix + path }
        return baseURL + prefix + path + "?" + FormURLEncoding.encode(query)
    }

    private func decode<Response: Decodable>(
        _ response: HTTPClientResponse, as type: Response.Type, method: HTTPClientRequest.Method, path: String
    ) throws -> Response {
        if type == NoContent.self, let empty = NoContent() as? Response { return empty }
        do {
            return try decoder.decode(type, from: Data(response.body))
        } catch {
            throw MoltClientError(
                .undecodableResponse(type: "\(type)", status: response.status), method: method, path: path,
                underlying: "\(error)")
        }
    }
}
