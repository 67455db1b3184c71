import Foundation
import MoltCore

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The one place the Ory adapters touch HTTP: JSON and form requests to one Ory API base URL, with the
/// project API key as a bearer token when one is configured.
///
/// Built on FoundationNetworking's URLSession for now; MoltClient's libcurl transport will replace this
/// file without changing its interface. Transport failures and 5xx answers become `.unavailable`.
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

    /// Sends a request and returns any HTTP answer below 500.
    func send(
        _ method: HTTPMethod, _ path: String, query: [(String, String)] = [], json: JSONValue? = nil,
        form: [(String, String)]? = nil
    ) async throws(IdentityError) -> Response {
        var text = baseURL + path
        if !query.isEmpty { text += "?" + QueryEncoding.query(query) }
        guard let url = URL(string: text) else { throw IdentityError(.invalid, "cannot build a URL for \(path)") }
        var request = URLRequest(url: url)
        request.httpMethod = method.rawValue
        request.timeoutInterval = Double(timeout.components.seconds)
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        if let apiKey { request.setValue("Bearer \(apiKey.value)", forHTTPHeaderField: "Authorization") }
        if let json {
            request.httpBody = Data(json.encoded)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        } else if let form {
            request.httpBody = Data(QueryEncoding.query(form).utf8)
            request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        }
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await URLSession.shared.data(for: request)
        } catch {
            throw IdentityError(.unavailable, "Ory is unreachable at \(baseURL)")
        }
        guard let http = response as? HTTPURLResponse else {
            throw IdentityError(.unavailable, "Ory answered \(path) without an HTTP response")
        }
        guard http.statusCode < 500 else {
            throw IdentityError(.unavailable, "Ory answered \(method) \(path) with \(http.statusCode)")
        }
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
        }
        return Response(status: http.statusCode, headers: headers, body: Array(data))
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
