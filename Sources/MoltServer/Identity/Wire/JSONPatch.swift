public import MoltCore

/// RFC 6902 JSON Patch over `JSONValue`, as Kratos and Hydra accept it on `PATCH` (`add`, `remove`,
/// `replace`, `move`, `copy`, `test`), with RFC 6901 pointers.
public struct JSONPatch: Sendable, Equatable {
    /// One operation.
    public struct Operation: Sendable, Equatable {
        public var op: String
        public var path: String
        public var from: String?
        public var value: JSONValue?
    }

    public let operations: [Operation]

    /// Parses `[{"op","path","value"?,"from"?}]`.
    /// - Throws: `JSONPatchError` when the document is not a patch.
    public init(_ document: JSONValue) throws(JSONPatchError) {
        guard let items = document.arrayValue else { throw JSONPatchError("a JSON Patch must be an array") }
        var operations: [Operation] = []
        for item in items {
            guard let op = item["op"]?.stringValue, let path = item["path"]?.stringValue else {
                throw JSONPatchError("each patch operation needs string \"op\" and \"path\"")
            }
            operations.append(Operation(op: op, path: path, from: item["from"]?.stringValue, value: item["value"]))
        }
        self.operations = operations
    }

    /// The paths the patch writes or removes (for `move`, also the source).
    public var touchedPaths: [String] {
        operations.flatMap { operation -> [String] in
            switch operation.op {
            case "test": []
            case "move": [operation.path] + (operation.from.map { [$0] } ?? [])
            default: [operation.path]
            }
        }
    }

    /// Applies every operation in order to `document`.
    /// - Throws: `JSONPatchError` for an unknown op, a bad pointer, a missing target or a failed `test`.
    public func apply(to document: JSONValue) throws(JSONPatchError) -> JSONValue {
        var result = document
        for operation in operations {
            let tokens = try Self.tokens(operation.path)
            switch operation.op {
            case "add":
                result = try Self.add(try Self.value(operation), at: tokens[...], in: result)
            case "remove":
                result = try Self.remove(at: tokens[...], in: result)
            case "replace":
                _ = try Self.get(tokens[...], in: result)
                result = try Self.add(try Self.value(operation), at: tokens[...], in: result, replacing: true)
            case "move", "copy":
                guard let from = operation.from else { throw JSONPatchError("\(operation.op) needs \"from\"") }
                let fromTokens = try Self.tokens(from)
                let moved = try Self.get(fromTokens[...], in: result)
                if operation.op == "move" { result = try Self.remove(at: fromTokens[...], in: result) }
                result = try Self.add(moved, at: tokens[...], in: result)
            case "test":
                guard try Self.get(tokens[...], in: result) == Self.value(operation) else {
                    throw JSONPatchError("test failed at \(operation.path)")
                }
            default:
                throw JSONPatchError("unknown patch operation \(operation.op)")
            }
        }
        return result
    }

    private static func value(_ operation: Operation) throws(JSONPatchError) -> JSONValue {
        guard let value = operation.value else { throw JSONPatchError("\(operation.op) needs \"value\"") }
        return value
    }

    /// Splits an RFC 6901 pointer into unescaped tokens (`""` is the whole document).
    static func tokens(_ pointer: String) throws(JSONPatchError) -> [String] {
        guard !pointer.isEmpty else { return [] }
        guard pointer.hasPrefix("/") else { throw JSONPatchError("path \(pointer) must start with /") }
        return pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }

    private static func get(_ tokens: ArraySlice<String>, in document: JSONValue) throws(JSONPatchError)
        -> JSONValue
    {
        guard let token = tokens.first else { return document }
        switch document {
        case .object(let members):
            guard let member = members[token] else { throw JSONPatchError("no member \(token)") }
            return try get(tokens.dropFirst(), in: member)
        case .array(let elements):
            guard let index = Int(token), elements.indices.contains(index) else {
                throw JSONPatchError("no element \(token)")
            }
            return try get(tokens.dropFirst(), in: elements[index])
        default:
            throw JSONPatchError("cannot descend into a scalar at \(token)")
        }
    }

    private static func add(
        _ value: JSONValue, at tokens: ArraySlice<String>, in document: JSONValue, replacing: Bool = false
    ) throws(JSONPatchError) -> JSONValue {
        guard let token = tokens.first else { return value }
        let rest = tokens.dropFirst()
        switch document {
        case .object(var members):
            if rest.isEmpty {
                members[token] = value
            } else {
                guard let member = members[token] else { throw JSONPatchError("no member \(token)") }
                members[token] = try add(value, at: rest, in: member, replacing: replacing)
            }
            return .object(members)
        case .array(var elements):
            if rest.isEmpty {
                if token == "-" && !replacing {
                    elements.append(value)
                } else if let index = Int(token), index >= 0, index <= elements.count {
                    if replacing {
                        guard index < elements.count else { throw JSONPatchError("no element \(token)") }
                        elements[index] = value
                    } else {
                        elements.insert(value, at: index)
                    }
                } else {
                    throw JSONPatchError("bad array index \(token)")
                }
            } else {
                guard let index = Int(token), elements.indices.contains(index) else {
                    throw JSONPatchError("no element \(token)")
                }
                elements[index] = try add(value, at: rest, in: elements[index], replacing: replacing)
            }
            return .array(elements)
        default:
            throw JSONPatchError("cannot add inside a scalar at \(token)")
        }
    }

    private static func remove(at tokens: ArraySlice<String>, in document: JSONValue) throws(JSONPatchError)
        -> JSONValue
    {
        guard let token = tokens.first else { throw JSONPatchError("cannot remove the whole document") }
        let rest = tokens.dropFirst()
        switch document {
        case .object(var members):
            guard let member = members[token] else { throw JSONPatchError("no member \(token)") }
            if rest.isEmpty {
                members[token] = nil
            } else {
                members[token] = try remove(at: rest, in: member)
            }
            return .object(members)
        case .array(var elements):
            guard let index = Int(token), elements.indices.contains(index) else {
                throw JSONPatchError("no element \(token)")
            }
            if rest.isEmpty {
                elements.remove(at: index)
            } else {
                elements[index] = try remove(at: rest, in: elements[index])
            }
            return .array(elements)
        default:
            throw JSONPatchError("cannot remove inside a scalar at \(token)")
        }
    }
}

/// Why a JSON Patch could not be parsed or applied.
public struct JSONPatchError: Error, Equatable, Sendable, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
