/// One result row, read by column name.
///
/// Values are kept in PostgreSQL's text format and decoded on access with `decode(_:as:)`.
public struct PostgresRow: Sendable {
    let columns: PostgresColumns
    let values: [String?]

    /// Decodes a non-NULL column; throws when the column is missing, NULL or does not fit `type`.
    public func decode<T: PostgresDecodable>(_ column: String, as type: T.Type = T.self) throws(PostgresError) -> T {
        guard let value = try decode(column, as: T?.self) else {
            throw PostgresError(.decoding, message: "column \"\(column)\" is NULL")
        }
        return value
    }

    /// Decodes a nullable column: nil for NULL.
    public func decode<T: PostgresDecodable>(_ column: String, as type: T?.Type = T?.self) throws(PostgresError) -> T? {
        guard let index = columns.index(of: column) else {
            throw PostgresError(.decoding, message: "no column \"\(column)\" in the result")
        }
        return try values[index].map { text throws(PostgresError) in try T(postgresText: text) }
    }

    /// The raw text of a column, nil for NULL or a missing column.
    public subscript(column: String) -> String? {
        columns.index(of: column).flatMap { values[$0] }
    }

    /// Whether the result has a column with this name.
    public func hasColumn(_ column: String) -> Bool {
        columns.index(of: column) != nil
    }
}

/// The column names of a result, shared by all its rows.
final class PostgresColumns: Sendable {
    let names: [String]
    private let indexes: [String: Int]

    init(names: [String]) {
        self.names = names
        var indexes: [String: Int] = [:]
        for (index, name) in names.enumerated() where indexes[name] == nil {
            indexes[name] = index
        }
        self.indexes = indexes
    }

    func index(of name: String) -> Int? { indexes[name] }
}

/// The rows of a statement's result and the number of rows it affected.
public struct PostgresResult: Sendable {
    /// The returned rows (empty for statements without RETURNING).
    public let rows: [PostgresRow]
    /// Rows inserted, updated or deleted (`PQcmdTuples`), or the row count for a SELECT.
    public let affectedRows: Int
    /// The column names, in order.
    public let columnNames: [String]

    /// The first row, if any.
    public var first: PostgresRow? { rows.first }
}
