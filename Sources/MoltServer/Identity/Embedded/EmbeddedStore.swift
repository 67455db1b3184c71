import Foundation
import MoltCore
import MoltPostgres

/// What the embedded services share: the database, a clock, a logger, the token verification cache, and the rule that storage
/// failures surface as `.unavailable` without leaking their details (they are logged instead).
struct EmbeddedStore: Sendable {
    let database: PostgresPool
    let clock: @Sendable () -> Date
    let logger: Logger
    /// Verified access tokens, shared by the embedded services so identity and client changes invalidate them.
    let tokenCache = TokenVerificationCache()

    /// Runs `body`, passing `IdentityError`s through and turning anything else into `.unavailable`.
    @discardableResult
    func perform<T: Sendable>(_ operation: String, _ body: () async throws -> T) async throws(IdentityError) -> T {
        do {
            return try await body()
        } catch let error as IdentityError {
            throw error
        } catch {
            logger.error("Identity storage failed.", ["operation": operation, "error": String(describing: error)])
            throw IdentityError(.unavailable, "the identity store is unavailable")
        }
    }
}

extension JSONValue {
    /// The document as a `jsonb` bind value.
    var postgresJSON: PostgresJSON { PostgresJSON(text: text) }

    /// Reads a `jsonb` column selected as text; nil for SQL NULL.
    static func column(_ row: PostgresRow, _ name: String) throws -> JSONValue? {
        guard let text = try row.decode(name, as: String?.self) else { return nil }
        guard let value = JSONValue.parse(Array(text.utf8)) else {
            throw PostgresError(.decoding, message: "column \"\(name)\" is not JSON")
        }
        return value
    }
}
