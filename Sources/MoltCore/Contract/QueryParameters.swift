/// One `name=value` pair of a query string, already percent-decoded.
public struct QueryItem: Hashable, Sendable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// The query string of an operation as a typed value.
///
/// The client renders one with ``queryItems``; the server parses one with ``init(queryItems:)``, which
/// coerces numbers like the reference (`limit=5` is a number), checks every limit, and throws AJV-style
/// field errors (`/limit` + `must be <= 100`). Absent parameters stay nil; each type documents its defaults.
public protocol QueryParameters: Sendable {
    /// Parses and validates decoded query items. Unknown names are ignored; a repeated name uses its first value.
    /// - Throws: ``ValidationFailure`` when a parameter is missing, malformed or out of range.
    init(queryItems: [QueryItem]) throws(ValidationFailure)

    /// The parameters that are set, in a stable order.
    var queryItems: [QueryItem] { get }
}

/// The query of an operation that takes none.
public struct NoQuery: QueryParameters, Hashable {
    public init() {}
    public init(queryItems: [QueryItem]) throws(ValidationFailure) {}
    public var queryItems: [QueryItem] { [] }
}

/// Reads query items for a ``QueryParameters`` initializer, collecting field errors as it goes.
public struct QueryReader: Sendable {
    private let items: [QueryItem]
    /// The errors found so far.
    public private(set) var errors: [FieldError] = []

    public init(_ items: [QueryItem]) {
        self.items = items
    }

    /// The first value of `name`, if any.
    public func value(_ name: String) -> String? {
        items.first { $0.name == name }?.value
    }

    /// A string parameter, checked for length and pattern; records `must have required property` when
    /// `required` and absent.
    public mutating func string(
        _ name: String, required: Bool = false, length: ClosedRange<Int>? = nil, pattern: ContractPattern? = nil
    ) -> String? {
        guard let text = value(name) else {
            if required { errors.append(.missing(name)) }
            return nil
        }
        var check = FieldValidator()
        check.length(text, at: "/\(name)", min: length?.lowerBound, max: length?.upperBound)
        if let pattern { check.pattern(text, at: "/\(name)", pattern) }
        errors += check.errors
        return check.errors.isEmpty ? text : nil
    }

    /// A whole-number parameter within `range`. The reference declares these as JSON numbers; a fraction
    /// is refused here with `must be integer`.
    public mutating func integer(_ name: String, in range: ClosedRange<Int>? = nil, minimum: Int? = nil) -> Int? {
        guard let text = value(name) else { return nil }
        guard let number = Double(text.trimmingSpaces), number.isFinite else {
            errors.append(.type("/\(name)", "number"))
            return nil
        }
        guard number.rounded() == number, abs(number) < 9e15 else {
            errors.append(.type("/\(name)", "integer"))
            return nil
        }
        var check = FieldValidator()
        check.range(
            number, at: "/\(name)", min: (range?.lowerBound ?? minimum).map(Double.init),
            max: range.map { Double($0.upperBound) })
        errors += check.errors
        return check.errors.isEmpty ? Int(number) : nil
    }

    /// A value of an open enumeration; an unknown value records `must be equal to one of the allowed values`.
    public mutating func member<Value: OpenEnum>(_ name: String, of type: Value.Type = Value.self) -> Value? {
        guard let text = value(name) else { return nil }
        let member = Value(rawValue: text) ?? .unknown(text)
        guard member.isKnown else {
            errors.append(.notAllowed("/\(name)"))
            return nil
        }
        return member
    }

    /// A comma-separated list of open enumeration values, checked against `pattern`.
    public mutating func members<Value: OpenEnum>(
        _ name: String, of type: Value.Type = Value.self, pattern: ContractPattern
    ) -> [Value]? {
        string(name, pattern: pattern)?.split(separator: ",").map {
            Value(rawValue: String($0)) ?? .unknown(String($0))
        }
    }

    /// A UUID parameter; anything else records `must match format "uuid"`.
    public mutating func uuid<ID: UUIDIdentifier>(_ name: String, as type: ID.Type, required: Bool = false) -> ID? {
        guard let text = value(name) else {
            if required { errors.append(.missing(name)) }
            return nil
        }
        guard let id = ID(text) else {
            errors.append(.format("/\(name)", "uuid"))
            return nil
        }
        return id
    }

    /// Throws the collected errors, if any.
    public func finish() throws(ValidationFailure) {
        guard errors.isEmpty else { throw ValidationFailure(errors: errors) }
    }
}

extension String {
    fileprivate var trimmingSpaces: Substring {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " }),
            let last = scalars.lastIndex(where: { $0 != " " })
        else { return "" }
        return Substring(scalars[first...last])
    }
}
