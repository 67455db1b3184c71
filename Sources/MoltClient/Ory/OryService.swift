import Foundation
import MoltCore

/// One Ory API's HTTP plumbing: base URL, transport, optional API key, and the error dialects.
struct OryService: Sendable {
    let service: OryError.Service
    let baseURL: String
    let transport: any HTTPTransport
    let apiKey: Secret<String>?

    /// A request body.
    enum Body {
        case none
        case json(any Encodable & Sendable)
        case form([QueryItem])
    }

    /// Sends a request and returns the 2xx response.
    /// - Throws: ``OryError`` for any other status, ``HTTPTransportError``, ``MoltClientError`` for a body
    ///   that cannot be encoded.
    func send(
        _ method: HTTPClientRequest.Method, _ path: String, query: [QueryItem] = [], body: Body = .none
    ) async throws -> HTTPClientResponse {
        var url = baseURL + path
        if !query.isEmpty { url += "?" + FormURLEncoding.encode(query) }
        var request = HTTPClientRequest(method: method, url: url, headers: ["Accept": "application/json"])
        switch body {
        case .none:
            break
        case .json(let value):
            do {
                request.body = Array(try JSONCoding.encode(value))
            } catch {
                throw MoltClientError(
                    .unencodableRequest(type: "\(type(of: value))"), method: method, path: path, underlying: "\(error)")
            }
            request.headers["Content-Type"] = "application/json"
        case .form(let items):
            request.body = Array(FormURLEncoding.encode(items).utf8)
            request.headers["Content-Type"] = MediaType.formURLEncoded.rawValue
        }
        if let apiKey { request.headers["Authorization"] = "Bearer \(apiKey.value)" }
        let response = try await transport.send(request.identified())
        guard response.isSuccess else { throw error(response, method: method, path: path) }
        return response
    }

    /// Sends a request and decodes its JSON answer.
    func decode<T: Decodable>(
        _ type: T.Type, _ method: HTTPClientRequest.Method, _ path: String, query: [QueryItem] = [],
        body: Body = .none
    ) async throws -> T {
        let response = try await send(method, path, query: query, body: body)
        return try decode(type, from: response, method: method, path: path)
    }

    func decode<T: Decodable>(
        _ type: T.Type, from response: HTTPClientResponse, method: HTTPClientRequest.Method, path: String
    ) throws -> T {
        do {
            return try JSONCoding.decode(type, from: Data(response.body))
        } catch {
            throw MoltClientError(
                .undecodableResponse(type: "\(type)", status: response.status), method: method, path: path,
                underlying: "\(error)")
        }
    }

    /// A list answered as a bare array with a `Link` header (Kratos, Hydra).
    func linkedPage<T: Decodable & Sendable>(
        _ type: T.Type, _ path: String, query: [QueryItem]
    ) async throws -> OryPage<T> {
        let response = try await send(.get, path, query: query)
        let items = try decode([T].self, from: response, method: .get, path: path)
        return OryPage(items: items, nextPageToken: LinkHeader(response.headers["Link"]).nextPageToken)
    }

    private func error(_ response: HTTPClientResponse, method: HTTPClientRequest.Method, path: String) -> OryError {
        let data = Data(response.body)
        return OryError(
            service: service, status: response.status,
            generic: (try? JSONCoding.decode(OryGenericErrorBody.self, from: data))?.error,
            oauth2: try? JSONCoding.decode(OAuth2Error.self, from: data), method: method, path: path)
    }

    /// A path segment, percent-encoded.
    static func segment(_ value: String) -> String {
        FormURLEncoding.percentEncode(value)
    }
}
