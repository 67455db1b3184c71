/// Finds the template a concrete path belongs to, per method, the way the reference's router does.
///
/// Static segments beat parameters at every level (`/agents/whoami` beats `/agents/{fingerprint}`), and a
/// path that fails below a static segment backtracks to the parameter branch. Tables are separate per
/// method, so `GET /diaries/search` lands on `GET /diaries/{id}` (there is only `POST /diaries/search`).
/// Matching is case-sensitive; an empty segment (`/diaries/`) never fills a parameter.
public struct RouteTable<Value: Sendable>: Sendable {
    /// A successful lookup: the route's value, its template, and the decoded parameters.
    public struct Match: Sendable {
        public let value: Value
        public let template: PathTemplate
        public let parameters: PathParameters
    }

    private struct Node: Sendable {
        var literals: [String: Int] = [:]
        var parameter: Int?
        var route: (template: PathTemplate, value: Value)?
    }

    private var roots: [HTTPMethod: Int] = [:]
    private var nodes: [Node] = []

    public init() {}

    /// Adds a route. Adding the same method and shape twice (parameter names aside) is a programming error.
    public mutating func add(_ method: HTTPMethod, _ template: PathTemplate, _ value: Value) {
        var index = root(for: method)
        for segment in template.segments {
            switch segment {
            case .literal(let text):
                if let next = nodes[index].literals[text] {
                    index = next
                } else {
                    index = appendNode(linkedFrom: index) { $0.literals[text] = $1 }
                }
            case .parameter:
                if let next = nodes[index].parameter {
                    index = next
                } else {
                    index = appendNode(linkedFrom: index) { $0.parameter = $1 }
                }
            }
        }
        precondition(nodes[index].route == nil, "duplicate route \(method) \(template)")
        nodes[index].route = (template, value)
    }

    /// The route for `method` and `path` (a query string is ignored), or nil.
    public func match(_ method: HTTPMethod, path: String) -> Match? {
        guard let root = roots[method], let pieces = PathTemplate.split(path) else { return nil }
        guard let (node, captured) = search(from: root, pieces: pieces[...], captured: []),
            let route = nodes[node].route
        else { return nil }
        var parameters = PathParameters()
        for (name, raw) in zip(route.template.parameterNames, captured) {
            guard let value = FormURLEncoding.percentDecode(raw) else { return nil }
            parameters[name] = value
        }
        return Match(value: route.value, template: route.template, parameters: parameters)
    }

    /// The methods that have a route for `path`: when a path matches but not with the request's method,
    /// the answer is 405 with these in `Allow`, not 404.
    public func allowedMethods(path: String) -> [HTTPMethod] {
        HTTPMethod.allCases.filter { match($0, path: path) != nil }
    }

    private func search(from index: Int, pieces: ArraySlice<Substring>, captured: [Substring]) -> (Int, [Substring])? {
        guard let piece = pieces.first else {
            return nodes[index].route == nil ? nil : (index, captured)
        }
        let rest = pieces.dropFirst()
        if let next = nodes[index].literals[String(piece)],
            let found = search(from: next, pieces: rest, captured: captured)
        {
            return found
        }
        if !piece.isEmpty, let next = nodes[index].parameter {
            return search(from: next, pieces: rest, captured: captured + [piece])
        }
        return nil
    }

    private mutating func root(for method: HTTPMethod) -> Int {
        if let index = roots[method] { return index }
        nodes.append(Node())
        roots[method] = nodes.count - 1
        return nodes.count - 1
    }

    private mutating func appendNode(linkedFrom parent: Int, link: (inout Node, Int) -> Void) -> Int {
        nodes.append(Node())
        link(&nodes[parent], nodes.count - 1)
        return nodes.count - 1
    }
}
