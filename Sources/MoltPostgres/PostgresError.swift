/// A failure talking to PostgreSQL: what kind, the server's SQLSTATE and message when it sent one, and where.
///
/// `description` carries the kind, SQLSTATE and the server's primary message, never bind values: those can
/// hold secrets. The query text (without values) is kept for `debugDescription`.
public struct PostgresError: Error, CustomStringConvertible, CustomDebugStringConvertible, Sendable {
    /// What went wrong.
    public enum Code: Equatable, Sendable {
        /// The connection could not be opened or was lost.
        case connection
        /// The server rejected a statement (see `sqlState`).
        case server
        /// A column was missing or its text could not be decoded into the requested Swift type.
        case decoding
        /// The pool was shut down or timed out waiting for a connection.
        case pool
        /// A migration's recorded checksum does not match its file.
        case migration
    }

    public let code: Code
    /// The five-character SQLSTATE, when the server reported one.
    public let sqlState: String?
    /// The server's primary message or a short description of the client-side failure.
    public let message: String
    /// The statement text, with `$n` placeholders only.
    public let query: String?
    public let file: String
    public let line: Int

    public init(
        _ code: Code, message: String, sqlState: String? = nil, query: String? = nil,
        file: String = #fileID, line: Int = #line
    ) {
        self.code = code
        self.message = message
        self.sqlState = sqlState
        self.query = query
        self.file = file
        self.line = line
    }

    /// A unique or exclusion constraint was violated (SQLSTATE 23505).
    public var isUniqueViolation: Bool { sqlState == "23505" }
    /// A foreign key was violated (SQLSTATE 23503).
    public var isForeignKeyViolation: Bool { sqlState == "23503" }
    /// A serialisation failure or deadlock that a retry of the transaction may resolve.
    public var isRetryableTransactionFailure: Bool { sqlState == "40001" || sqlState == "40P01" }
    /// A value the database cannot store as text, such as a NUL character (SQLSTATE 22021).
    public var isUnstorableCharacter: Bool { sqlState == "22021" }

    public var description: String {
        var text = "PostgresError.\(code)"
        if let sqlState { text += " [\(sqlState)]" }
        return text + ": \(message)"
    }

    public var debugDescription: String {
        description + (query.map { " (query: \($0))" } ?? "") + " at \(file):\(line)"
    }
}
