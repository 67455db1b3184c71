/// A path with `{name}` parameters, as openapi.json writes it: `/diaries/{diaryId}/entries/{entryId}`.
///
/// ``render(_:)`` fills the parameters in (percent-encoding each value) for the client; ``match(_:)``
/// recognises a concrete path for one template. To choose among many templates, use ``RouteTable``.
public struct PathTemplate: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// One `/`-separated piece of a template.
    public enum Segment: Hashable, Sendable {
        case literal(String)
        case parameter(String)
    }

    /// The template text.
    public let template: String
    /// The pieces between slashes; empty for `/`.
    public let segments: [Segment]

    /// Parses a template. It must start with `/`; `{name}` must fill a whole segment.
    public init(_ template: String) {
        precondition(template.hasPrefix("/"), "path templates start with /: \(template)")
        self.template = template
        segments =
            template == "/"
            ? []
            : template.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
                .map { piece in
                    piece.hasPrefix("{") && piece.hasSuffix("}")
                        ? .parameter(String(piece.dropFirst().dropLast())) : .literal(String(piece))
                }
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    public var description: String { template }

    /// The parameter names, in order.
    public var parameterNames: [String] {
        segments.compactMap { if case .parameter(let name) = $0 { name } else { nil } }
    }

    /// The concrete path with every parameter filled in and percent-encoded (`/` inside a value becomes
    /// `%2F`, so a value can never add a segment).
    /// - Throws: ``PathTemplateError`` naming the first parameter that has no value or an empty one.
    public func render(_ parameters: PathParameters) throws(PathTemplateError) -> String {
        var path = ""
        for segment in segments {
            switch segment {
            case .literal(let text):
                path += "/" + text
            case .parameter(let name):
                guard let value = parameters[name], !value.isEmpty else { throw PathTemplateError(parameter: name) }
                path += "/" + FormURLEncoding.percentEncode(value)
            }
        }
        return path.isEmpty ? "/" : path
    }

    /// The parameters of `path` when it fits this template (a query string is ignored), else nil.
    public func match(_ path: String) -> PathParameters? {
        guard let pieces = Self.split(path), pieces.count == segments.count else { return nil }
        var parameters = PathParameters()
        for (segment, piece) in zip(segments, pieces) {
            switch segment {
            case .literal(let text):
                guard piece == text else { return nil }
            case .parameter(let name):
                guard !piece.isEmpty, let value = FormURLEncoding.percentDecode(piece) else { return nil }
                parameters[name] = value
            }
        }
        return parameters
    }

    /// The raw segments of a concrete path without its query string; nil when it does not start with `/`.
    static func split(_ path: String) -> [Substring]? {
        let bare = path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        guard bare.hasPrefix("/") else { return nil }
        return bare == "/" ? [] : bare.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
    }
}

/// A path could not be rendered because a parameter has no value.
public struct PathTemplateError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The parameter without a value.
    public let parameter: String

    public init(parameter: String) {
        self.parameter = parameter
    }

    public var description: String { "path parameter '\(parameter)' has no value" }
}
