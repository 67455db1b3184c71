/// Collects AJV-style field errors while a request checks its limits.
///
/// ```swift
/// var check = FieldValidator()
/// check.length(name, at: "/name", min: 1, max: 255)
/// check.known(visibility, at: "/visibility")
/// return check.errors
/// ```
/// Lengths count Unicode scalars, as AJV does. `nil` values (absent optional fields) always pass.
public struct FieldValidator: Sendable {
    /// The errors found so far.
    public private(set) var errors: [FieldError] = []

    public init() {}

    /// Records an error found by other means.
    public mutating func add(_ error: FieldError) {
        errors.append(error)
    }

    /// Checks a string's length in characters.
    public mutating func length(_ value: String?, at field: String, min: Int? = nil, max: Int? = nil) {
        guard let value else { return }
        let count = value.unicodeScalars.count
        if let min, count < min { errors.append(.tooShort(field, minimum: min)) }
        if let max, count > max { errors.append(.tooLong(field, maximum: max)) }
    }

    /// Checks a string against a pattern.
    public mutating func pattern(_ value: String?, at field: String, _ pattern: ContractPattern) {
        guard let value, !pattern.matches(value) else { return }
        errors.append(.pattern(field, pattern.pattern))
    }

    /// Checks an integer against inclusive bounds.
    public mutating func range(_ value: Int?, at field: String, min: Int? = nil, max: Int? = nil) {
        range(value.map(Double.init), at: field, min: min.map(Double.init), max: max.map(Double.init))
    }

    /// Checks a number against inclusive bounds.
    public mutating func range(_ value: Double?, at field: String, min: Double? = nil, max: Double? = nil) {
        guard let value else { return }
        if let min, value < min { errors.append(.below(field, minimum: min)) }
        if let max, value > max { errors.append(.above(field, maximum: max)) }
    }

    /// Checks an array's item count.
    public mutating func count<Element>(_ value: [Element]?, at field: String, min: Int? = nil, max: Int? = nil) {
        guard let value else { return }
        if let min, value.count < min { errors.append(.tooFewItems(field, minimum: min)) }
        if let max, value.count > max { errors.append(.tooManyItems(field, maximum: max)) }
    }

    /// Checks the length of every string in an array; items are addressed as `/tags/3`.
    public mutating func eachLength(_ value: [String]?, at field: String, min: Int? = nil, max: Int? = nil) {
        for (index, item) in (value ?? []).enumerated() {
            length(item, at: "\(field)/\(index)", min: min, max: max)
        }
    }

    /// Checks that an open enumeration holds a value the spec lists.
    public mutating func known<Value: OpenEnum>(_ value: Value?, at field: String) {
        guard let value, !value.isKnown else { return }
        errors.append(.notAllowed(field))
    }

    /// Checks every value of an array of open enumerations.
    public mutating func eachKnown<Value: OpenEnum>(_ value: [Value]?, at field: String) {
        for (index, item) in (value ?? []).enumerated() {
            known(item, at: "\(field)/\(index)")
        }
    }
}
