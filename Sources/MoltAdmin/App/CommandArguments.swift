import Foundation
import MoltCommandLine
import MoltCore

/// A command's parsed command line: its flags (through ``ParsedArguments``) and its positionals (the words
/// after the command's name), with typed readers that throw usage errors.
struct CommandArguments: Sendable {
    let parsed: ParsedArguments
    /// Positionals after the command's path.
    let positionals: [String]

    func value(_ name: String) -> String? { parsed.value(name) }
    func isSet(_ name: String) -> Bool { parsed.isSet(name) }
    func require(_ name: String) throws(ValidationError) -> String { try parsed.require(name) }

    /// An integer flag within `range`.
    func integer(_ name: String, in range: ClosedRange<Int>) throws(ValidationError) -> Int? {
        try parsed.integer(name, in: range)
    }

    /// A required integer flag within `range`.
    func requireInteger(_ name: String, in range: ClosedRange<Int>) throws(ValidationError) -> Int {
        guard let value = try integer(name, in: range) else { throw ValidationError("missing --\(name)") }
        return value
    }

    /// Exactly `count` positionals, named in the error.
    func positionals(exactly names: String...) throws(ValidationError) -> [String] {
        guard positionals.count == names.count else {
            if positionals.count < names.count {
                throw ValidationError("missing \(names[positionals.count])")
            }
            throw ValidationError("unexpected argument '\(positionals[names.count])'")
        }
        return positionals
    }

    /// No positionals at all.
    func noPositionals() throws(ValidationError) {
        if let first = positionals.first { throw ValidationError("unexpected argument '\(first)'") }
    }

    /// At most one of the toggles `names` is set; returns it.
    func oneOf(_ names: [String]) throws(ValidationError) -> String? {
        let given = names.filter { isSet($0) }
        guard given.count <= 1 else {
            throw ValidationError(given.map { "--\($0)" }.joined(separator: ", ") + " cannot be combined")
        }
        return given.first
    }

    /// A fingerprint flag or positional (`XXXX-XXXX-XXXX-XXXX`, either case).
    static func fingerprint(_ text: String, what: String = "fingerprint") throws(ValidationError) -> Fingerprint {
        do {
            return try Fingerprint(parsing: text)
        } catch {
            throw ValidationError("\(what) '\(text)' is not of the form XXXX-XXXX-XXXX-XXXX")
        }
    }

    /// A UUID.
    static func uuid(_ text: String, what: String) throws(ValidationError) -> UUID {
        guard let uuid = UUID(uuidString: text) else { throw ValidationError("\(what) '\(text)' is not a UUID") }
        return uuid
    }
}
