/// A request that breaks the contract: the field errors behind a 400 validation-failed problem.
///
/// Produced by request bodies' `validate()`, by query and path parameter parsing, and from a body's
/// `DecodingError` (see ``init(decodingError:)``). The server renders it with ``problem(instance:)``.
public struct ValidationFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// The failing fields, in the order they were found.
    public var errors: [FieldError]
    /// A summary for the problem's `detail`; derived from the first error when not given.
    public var detail: String

    public init(errors: [FieldError], detail: String? = nil) {
        self.errors = errors
        self.detail = detail ?? errors.first.map { "Validation failed: \($0)" } ?? "Validation failed"
    }

    /// A failure with one field error.
    public init(_ error: FieldError) {
        self.init(errors: [error])
    }

    public var description: String { detail }

    /// The 400 validation-failed problem for this failure.
    public func problem(instance: String? = nil) -> ProblemDetails {
        ProblemDetails(.validationFailed, detail: detail, instance: instance, errors: errors)
    }
}

/// A value that can check itself against the contract's limits.
public protocol Validatable {
    /// Every broken rule, AJV-style; empty when the value is valid.
    func validate() -> [FieldError]
}

extension Validatable {
    /// Throws the broken rules, if any.
    /// - Throws: ``ValidationFailure`` listing every field error.
    public func validated() throws(ValidationFailure) -> Self {
        let errors = validate()
        guard errors.isEmpty else { throw ValidationFailure(errors: errors) }
        return self
    }
}
