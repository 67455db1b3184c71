import Foundation

/// Maps a method and path to a handler. Templates use `{name}` segments; at every segment a static match
/// beats a parameter (`/agents/whoami` before `/agents/{fingerprint}`), with backtracking when the static
/// branch leads nowhere.
public struct Router: Sendable {
    /// Answers a routed request.
    public typealias Handler = @Sendable (HTTPRequest, RequestContext) async throws -> HTTPResponse

    /// What a lookup found.
    public enum Resolution: Sendable {
        /// A route: its handler, its template and the decoded path parameters.
        case found(handler: Handler, template: String, parameters: [String: String])
        /// The path exists for other methods only.
        case methodNotAllowed(allowed: [HTTPMethod])
        case notFound
    }

    private final class Node: @unchecked Sendable {
        // Built once before the router is shared; read-only afterwards.
        var staticChildren: [String: Node] = [:]
        var parameterChild: (name: String, node: Node)?
        var handlers: [HTTPMethod: (template: String, handler: Handler)] = [:]
    }

    private let root = Node()

    public init() {}

    /// Adds a route. Adding the same method and template twice is a programming error.
    public mutating func add(_ method: HTTPMethod, _ template: String, _ handler: @escaping Handler) {
        var node = root
        for segment in Self.segments(template) {
            if segment.hasPrefix("{") && segment.hasSuffix("}") {
                let name = String(segment.dropFirst().dropLast())
                if let existing = node.parameterChild {
                    precondition(existing.name == name, "conflicting parameter names in \(template)")
                    node = existing.node
                } else {
                    let child = Node()
                    node.parameterChild = (name, child)
                    node = child
                }
            } else {
                if let child = node.staticChildren[segment] {
                    node = child
                } else {
                    let child = Node()
                    node.staticChildren[segment] = child
                    node = child
                }
            }
        }
        precondition(node.handlers[method] == nil, "duplicate route \(method) \(template)")
        node.handlers[method] = (template, handler)
    }

    /// Finds the handler for `method` and a raw (percent-encoded) `path`.
    public func resolve(_ method: HTTPMethod, path: String) -> Resolution {
        let segments = Self.segments(path).map { $0.removingPercentEncodingSafely }
        var parameters: [String: String] = [:]
        guard let node = Self.match(root, segments[...], &parameters) else { return .notFound }
        let lookup = method == .head && node.handlers[.head] == nil ? .get : method
        if let route = node.handlers[lookup] {
            return .found(handler: route.handler, template: route.template, parameters: parameters)
        }
        let allowed = node.handlers.keys.sorted { $0.rawValue < $1.rawValue }
        return .methodNotAllowed(allowed: allowed)
    }

    private static func match(_ node: Node, _ segments: ArraySlice<String>, _ parameters: inout [String: String])
        -> Node?
    {
        guard let segment = segments.first else { return node.handlers.isEmpty ? nil : node }
        let rest = segments.dropFirst()
        if let child = node.staticChildren[segment], let found = match(child, rest, &parameters) {
            return found
        }
        if let (name, child) = node.parameterChild, !segment.isEmpty {
            let saved = parameters
            parameters[name] = segment
            if let found = match(child, rest, &parameters) { return found }
            parameters = saved
        }
        return nil
    }

    private static func segments(_ path: String) -> [String] {
        var trimmed = Substring(path)
        while trimmed.hasPrefix("/") { trimmed = trimmed.dropFirst() }
        if trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        return trimmed.isEmpty ? [] : trimmed.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    }
}

extension String {
    /// Percent-decoding that keeps the raw text when the escapes are malformed.
    fileprivate var removingPercentEncodingSafely: String {
        guard contains("%") else { return self }
        return removingPercentEncoding ?? self
    }
}
