import Foundation
import MoltClient
import MoltCore

/// The one place the Ory adapters touch HTTP: JSON and form requests to one Ory API base URL, with the
/// project API key as a bearer token when one is configured.
///
/// Built on MoltClient's libcurl transport (connection reuse, timeouts, proxies from the environment, TLS
/// verification). Transport failures and 5xx answers become `.unavailable`.
struct OryHTTPClient: Sendable {
    /// A response: status, lower-cased headers, body.
    struct Response: Sendable {
        let status: Int
        let headers: [String: String]
        let body: [UInt8]

        var json: JSONValue? { JSONValue.parse(body) }
    }

    /// The API's base URL without a trailing slash.
    let baseURL: String
    let apiKey: Secret<String>?
    let timeout: Duration

    init(baseURL: String, apiKey: String?, timeout: Duration = .seconds(10)) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.apiKey = apiKey.map(Secret.init)
        self.timeout = timeout
    }

    /// One transport for every Ory call of this process, so connections are reused across adapters.
    private static let transport = CurlTransport(
        configuration: CurlTransportConfiguration(connectTimeout: .seconds(5), timeout: .seconds(30)))

    /// Sends a request and returns any HTTP answer below 500.
    func send(
        _ method: HTTPMethod, _ path: String, query: [(String, String)] = [], json: JSONValue? = nil,
        form: [(String, String)]? = nil
    ) async throws(IdentityError) -> Response {
        var text = baseURL + path
        if !query.isEmpty { text += "?" + QueryEncoding.query(query) }
        var headers: HTTPClientHeaders = ["Accept": "application/json"]
        if let apiKey { headers["Authorization"] = "Bearer \(apiKey.value)" }
        var body: [UInt8]?
        if let json {
            body = json.encoded
            headers["Content-Type"] = "application/json"
        } else if let form {
            body = Array(QueryEncoding.query(form).utf8)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        }
        let response: HTTPClientResponse
        do {
            response = try await Self.transport.send(
                HTTPClientRequest(
                    method: HTTPClientRequest.Method(rawValue: method.rawValue), url: text, headers: headers,
                    body: body, timeout: timeout))
        } catch {
            throw IdentityError(.unavailable, "Ory is unreachable at \(baseURL)")
        }
        guard response.status < 500 else {
            throw IdentityError(.unavailable, "Ory answered \(method) \(path) with \(response.status)")
        }
        var lowered: [String: String] = [:]
        for (name, value) in response.headers { lowered[name.lowercased()] = value }
        return Response(status: response.status, headers: lowered, body: response.body)
    }
}

extension OryHTTPClient.Response {
    /// The error an unexpected answer stands for, with the message Ory gave (either dialect).
    func error(_ operation: String) -> IdentityError {
        let document = json
        let message =
            document?["error"]?["reason"]?.stringValue ?? document?["error"]?["message"]?.stringValue
            ?? document?["error_description"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
            ?? document?["error"]?.stringValue ?? "\(operation) failed with \(status)"
        switch status {
        case 404: return IdentityError(.notFound, message)
        case 409: return IdentityError(.conflict, message)
        case 401, 403: return IdentityError(.unauthorized, message)
        case 400..<500: return IdentityError(.invalid, message)
        default: return IdentityError(.unavailable, message)
        }
    }

    /// The `page_token` of the `rel="next"` link, nil on the last page.
    var nextPageToken: String? {
        guard let link = headers["link"] else { return nil }
        for part in link.split(separator: ",") where part.contains("rel=\"next\"") {
            guard let start = part.firstIndex(of: "<"), let end = part.firstIndex(of: ">"),
                let components = URLComponents(string: String(part[part.index(after: start)..<end]))
            else { continue }
            return components.queryItems?.first { $0.name == "page_token" }?.value
        }
        return nil
    }
}
