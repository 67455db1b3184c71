public import Foundation

extension ValidationFailure {
    /// Turns a `DecodingError` from a request body into AJV-style field errors: a missing property gives
    /// its name, a wrong type gives `/path` + `must be string` (or integer, number, boolean, array, object),
    /// an invalid value gives `/path` + the decoder's `must …` message (`must match format "uuid"`), and
    /// bytes that are not JSON give no field errors and the detail `Body is not valid JSON`.
    public init(decodingError: DecodingError) {
        switch decodingError {
        case .keyNotFound(let key, _):
            self.init(.missing(key.stringValue))
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            self.init(.type(Self.pointer(context.codingPath), Self.jsonTypeName(type)))
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty && !context.debugDescription.hasPrefix("must ") {
                self.init(errors: [], detail: "Body is not valid JSON")
            } else {
                let message = context.debugDescription.hasPrefix("must ") ? context.debugDescription : "is invalid"
                self.init(FieldError(field: Self.pointer(context.codingPath), message: message))
            }
        @unknown default:
            self.init(errors: [], detail: "Body does not match the schema")
        }
    }

    /// Decodes a request body with the wire decoder, then runs its ``Validatable/validate()``.
    /// - Throws: ``ValidationFailure`` for malformed JSON, a wrong shape, or a broken limit.
    public static func decodeBody<Body: Decodable & Validatable>(_ type: Body.Type, from data: Data)
        throws(ValidationFailure) -> Body
    {
        let body: Body
        do {
            body = try JSONCoding.decode(type, from: data)
        } catch let error as DecodingError {
            throw ValidationFailure(decodingError: error)
        } catch {
            throw ValidationFailure(errors: [], detail: "Body is not valid JSON")
        }
        return try body.validated()
    }

    /// The JSON Pointer of a coding path: `/tags/3`, or an empty string for the whole document.
    public static func pointer(_ codingPath: [any CodingKey]) -> String {
        codingPath.map { key in
            let name = key.intValue.map(String.init) ?? key.stringValue
            return "/" + name.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
        }.joined()
    }

    private static func jsonTypeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type, is Substring.Type: return "string"
        case is Bool.Type: return "boolean"
        case is Double.Type, is Float.Type: return "number"
        case is any FixedWidthInteger.Type: return "integer"
        default:
            let name = String(describing: type)
            return name.hasPrefix("Array") || name.hasPrefix("[") && !name.contains(":") ? "array" : "object"
        }
    }
}
