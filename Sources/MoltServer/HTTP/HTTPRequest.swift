import Foundation
public import MoltCore

/// One HTTP request as the router sees it: method, raw path and query, headers, body and the peer address.
public struct HTTPRequest: Sendable {
    /// The method as sent (`GET`, or any token a client made up).
    public let methodName: String
    /// The path as sent, still percent-encoded (`/diaries/abc/entries`).
    public let path: String
    /// The raw query string without `?`, or nil when the URI had none.
    public let rawQuery: String?
    public var headers: HTTPHeaders
    public let body: [UInt8]
    /// The client's IP address as text (`127.0.0.1`), empty when unknown.
    public let remoteAddress: String

    public init(
        method: String, path: String, rawQuery: String? = nil, headers: HTTPHeaders = [:], body: [UInt8] = [],
        remoteAddress: String = ""
    ) {
        self.methodName = method
        self.path = path
        self.rawQuery = rawQuery
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
    }

    /// Splits a request target (`/path?query`) into its path and query.
    public init(
        method: String, target: String, headers: HTTPHeaders = [:], body: [UInt8] = [], remoteAddress: String = ""
    ) {
        if let mark = target.firstIndex(of: "?") {
            self.init(
                method: method, path: String(target[..<mark]), rawQuery: String(target[target.index(after: mark)...]),
                headers: headers, body: body, remoteAddress: remoteAddress)
        } else {
            self.init(method: method, path: target, headers: headers, body: body, remoteAddress: remoteAddress)
        }
    }

    /// The method, when it is one the contract knows.
    public var method: HTTPMethod? { HTTPMethod(rawValue: methodName) }

    /// The path plus `?query` when there was one: the `instance` of problem details.
    public var target: String {
        rawQuery.map { "\(path)?\($0)" } ?? path
    }

    /// Query parameters, decoded (`+` as space, percent escapes), in order, repeated names kept.
    public var queryItems: [(name: String, value: String)] {
        guard let rawQuery, !rawQuery.isEmpty else { return [] }
        return rawQuery.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decodeQueryComponent(parts[0])
            let value = parts.count > 1 ? Self.decodeQueryComponent(parts[1]) : ""
            return (name, value)
        }
    }

    /// The last value of a query parameter.
    public func query(_ name: String) -> String? {
        queryItems.last { $0.name == name }?.value
    }

    private static func decodeQueryComponent(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
