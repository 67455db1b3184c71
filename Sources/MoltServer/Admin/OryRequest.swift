import MoltCore
import Foundation

/// Request helpers shared by the Ory-compatible controllers.
extension HTTPRequest {
    /// `http://<Host>`, the base of the absolute URLs Ory puts in `Location`, `Link` and `schema_url`.
    var oryBaseURL: String {
        "http://\(headers["Host"].flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1")"
    }

    /// The body as JSON; `.invalid` when it is missing or not JSON.
    func jsonBody() throws(IdentityError) -> JSONValue {
        guard let document = JSONValue.parse(body) else {
            throw IdentityError(.invalid, "the request body is not valid JSON")
        }
        return document
    }

    /// Every value of a repeated query parameter.
    func queryValues(_ name: String) -> [String] {
        queryItems.filter { $0.name == name }.map(\.value)
    }

    /// An integer query parameter; `.invalid` when present but not an integer.
    func integerQuery(_ name: String) throws(IdentityError) -> Int? {
        guard let text = query(name), !text.isEmpty else { return nil }
        guard let value = Int(text) else { throw IdentityError(.invalid, "\(name) must be an integer") }
        return value
    }

    /// Form fields of an `application/x-www-form-urlencoded` body, decoded.
    var formFields: [String: String] {
        let text = String(decoding: body, as: UTF8.self)
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (part: Substring) in
                let spaced = part.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            fields[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return fields
    }
}

/// Percent-encoding for query components (everything but RFC 3986 unreserved characters is escaped).
enum QueryEncoding {
    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func component(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    static func query(_ items: [(String, String)]) -> String {
        items.map { "\(component($0.0))=\(component($0.1))" }.joined(separator: "&")
    }
}

/// The `Link` header of Kratos and Hydra list endpoints: `rel="first"` and, unless on the last page,
/// `rel="next"`.
enum PaginationLink {
    static func header(baseURL: String, path: String, pageSize: Int, filters: [(String, String)], next: String?)
        -> String
    {
        let first = QueryEncoding.query(filters + [("page_size", String(pageSize))])
        var links = ["<\(baseURL)\(path)?\(first)>; rel=\"first\""]
        if let next {
            let query = QueryEncoding.query(filters + [("page_size", String(pageSize)), ("page_token", next)])
            links.append("<\(baseURL)\(path)?\(query)>; rel=\"next\"")
        }
        return links.joined(separator: ",")
    }
}
