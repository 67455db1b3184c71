/// One entry of a validation problem's `errors` array (openapi `ValidationError`): which field failed and why.
///
/// `field` follows the reference's AJV output: the instance path of the failing value (`/content`,
/// `/tags/3`) or, when a property is missing, the property's name (`name`). Messages use AJV's wording
/// (`must NOT have more than 255 characters`) so clients that match on them keep working.
public struct FieldError: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The instance path, or the name of a missing property.
    public var field: String
    /// What is wrong, in AJV's words.
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { field.isEmpty ? message : "\(field) \(message)" }
}

extension FieldError {
    /// A required property is absent.
    public static func missing(_ name: String) -> FieldError {
        FieldError(field: name, message: "must have required property '\(name)'")
    }

    /// A string is shorter than `minimum` characters (Unicode scalars, as AJV counts).
    public static func tooShort(_ field: String, minimum: Int) -> FieldError {
        FieldError(field: field, message: "must NOT have fewer than \(minimum) characters")
    }

    /// A string is longer than `maximum` characters.
    public static func tooLong(_ field: String, maximum: Int) -> FieldError {
        FieldError(field: field, message: "must NOT have more than \(maximum) characters")
    }

    /// A string does not match `pattern`.
    public static func pattern(_ field: String, _ pattern: String) -> FieldError {
        FieldError(field: field, message: "must match pattern \"\(pattern)\"")
    }

    /// A string does not have `format` (`uuid`, `date-time`).
    public static func format(_ field: String, _ format: String) -> FieldError {
        FieldError(field: field, message: "must match format \"\(format)\"")
    }

    /// A number is below `minimum`.
    public static func below(_ field: String, minimum: Double) -> FieldError {
        FieldError(field: field, message: "must be >= \(Self.number(minimum))")
    }

    /// A number is above `maximum`.
    public static func above(_ field: String, maximum: Double) -> FieldError {
        FieldError(field: field, message: "must be <= \(Self.number(maximum))")
    }

    /// An array has fewer than `minimum` items.
    public static func tooFewItems(_ field: String, minimum: Int) -> FieldError {
        FieldError(field: field, message: "must NOT have fewer than \(minimum) items")
    }

    /// An array has more than `maximum` items.
    public static func tooManyItems(_ field: String, maximum: Int) -> FieldError {
        FieldError(field: field, message: "must NOT have more than \(maximum) items")
    }

    /// A value is not one of the enumeration's values.
    public static func notAllowed(_ field: String) -> FieldError {
        FieldError(field: field, message: "must be equal to one of the allowed values")
    }

    /// A value has the wrong JSON type (`string`, `integer`, `number`, `boolean`, `array`, `object`).
    public static func type(_ field: String, _ type: String) -> FieldError {
        FieldError(field: field, message: "must be \(type)")
    }

    private static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
