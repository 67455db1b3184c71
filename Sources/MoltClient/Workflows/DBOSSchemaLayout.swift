import MoltPostgres

/// Which tables and columns of the `dbos` schema exist, read from `information_schema.columns`.
///
/// The DBOS system schema differs between SDKs and versions (Python 3.4 at migration 125, TypeScript 4.8
/// at its own 31, with missing `serialization`, `workflow_input`, `consumed`, …), and version numbers below
/// 100 mean different things per SDK, so the reader builds every statement from what this layout reports
/// rather than from `dbos_migrations`.
public struct DBOSSchemaLayout: Sendable, Equatable {
    /// Column names by table name.
    public let columns: [String: Set<String>]
    /// Whether `workflow_status.workflow_uuid` sorts by code point (collation C, POSIX, C.UTF-8, …), so an
    /// id prefix is a key range of its primary key index.
    public let codePointIDOrder: Bool

    public init(columns: [String: Set<String>], codePointIDOrder: Bool = false) {
        self.columns = columns
        self.codePointIDOrder = codePointIDOrder
    }

    /// Collations that order text by code point (byte order for UTF-8).
    static let codePointCollations: Set<String> = [
        "C", "POSIX", "C.UTF-8", "C.utf8", "ucs_basic", "pg_c_utf8", "pg_unicode_fast",
    ]

    /// Whether `table` exists.
    public func has(_ table: String) -> Bool {
        columns[table] != nil
    }

    /// Whether `table` exists and has `column`.
    public func has(_ table: String, _ column: String) -> Bool {
        columns[table]?.contains(column) ?? false
    }

    /// The layout of the `dbos` schema `connection` sees; empty when there is none.
    static func read(_ connection: PostgresConnection) async throws -> DBOSSchemaLayout {
        let result = try await connection.query(
            """
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = \(DBOSWorkflowClient.schema)
            """)
        var columns: [String: Set<String>] = [:]
        for row in result.rows {
            columns[try row.decode("table_name", as: String.self), default: []]
                .insert(try row.decode("column_name", as: String.self))
        }
        return DBOSSchemaLayout(columns: columns, codePointIDOrder: try await idCollation(connection))
    }

    /// Whether the id column's effective collation (its own, or the database's default) is a code point
    /// order. `to_jsonb` reads `pg_database` columns that only some PostgreSQL versions have.
    private static func idCollation(_ connection: PostgresConnection) async throws -> Bool {
        let result = try await connection.query(
            """
            SELECT co.collname, to_jsonb(d) ->> 'datcollate' AS datcollate,
                to_jsonb(d) ->> 'datlocprovider' AS provider, to_jsonb(d) ->> 'datlocale' AS locale
            FROM pg_attribute a JOIN pg_collation co ON co.oid = a.attcollation
            CROSS JOIN pg_database d
            WHERE a.attrelid = to_regclass('dbos.workflow_status') AND a.attname = 'workflow_uuid'
                AND d.datname = current_database()
            """)
        guard let row = result.first else { return false }
        let own = try row.decode("collname", as: String.self)
        if own != "default" { return codePointCollations.contains(own) }
        switch try row.decode("provider", as: String?.self) {
        case "b": return true
        case "i": return false
        default: return codePointCollations.contains(try row.decode("datcollate", as: String?.self) ?? "")
        }
    }
}

/// A column a statement uses only when the schema has it: its name and the SQL that reads it.
struct OptionalColumn: Sendable {
    let name: String
    let sql: SQL

    init(_ name: String, _ sql: StaticString) {
        self.name = name
        self.sql = SQL(stringLiteral: sql)
    }
}

extension PostgresRow {
    /// A column that may be absent from the result (its table lacks it) or NULL.
    func optional<T: PostgresDecodable>(_ column: String, as type: T.Type = T.self) throws -> T? {
        hasColumn(column) ? try decode(column, as: T?.self) : nil
    }
}
