/// The values of a path's `{name}` parameters, percent-decoded.
///
/// The client builds one to render a path (`["diaryId": diaryID, "entryId": entryID]`); the router
/// hands one to the server, which reads typed values with ``uuid(_:as:)`` and ``fingerprint(_:)``.
public struct PathParameters: Hashable, Sendable, ExpressibleByDictionaryLiteral {
    /// The values by parameter name.
    public var values: [String: String]

    public init(_ values: [String: String] = [:]) {
        self.values = values
    }

    /// Any value whose description is its path text: typed ids, fingerprints, strings.
    public init(dictionaryLiteral elements: (String, any CustomStringConvertible)...) {
        values = Dictionary(elements.map { ($0.0, $0.1.description) }, uniquingKeysWith: { _, last in last })
    }

    public subscript(name: String) -> String? {
        get { values[name] }
        set { values[name] = newValue }
    }

    /// A UUID parameter as a typed id.
    /// - Throws: ``ValidationFailure`` `must match format "uuid"` (or a missing-property error).
    public func uuid<ID: UUIDIdentifier>(_ name: String, as type: ID.Type = ID.self) throws(ValidationFailure) -> ID {
        guard let text = values[name] else { throw ValidationFailure(.missing(name)) }
        guard let id = ID(text) else { throw ValidationFailure(.format("/\(name)", "uuid")) }
        return id
    }

    /// A fingerprint parameter, upper-cased as the server looks it up.
    /// - Throws: ``ValidationFailure`` when it does not match the fingerprint pattern.
    public func fingerprint(_ name: String = "fingerprint") throws(ValidationFailure) -> Fingerprint {
        guard let text = values[name] else { throw ValidationFailure(.missing(name)) }
        guard let fingerprint = try? Fingerprint(parsing: text) else {
            throw ValidationFailure(.pattern("/\(name)", ContractPattern.fingerprint.pattern))
        }
        return fingerprint
    }
}
