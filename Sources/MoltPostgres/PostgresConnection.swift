import CPostgres
import Foundation
public import MoltCore
import Synchronization

/// One libpq connection. Blocking calls run on `BlockingPool`; the async methods suspend the caller meanwhile.
///
/// Owns a `PGconn *`. A connection is used by one task at a time (the pool lends it out exclusively); the
/// mutex makes misuse safe rather than undefined. Sessions start with `DateStyle=ISO` and `TimeZone=UTC`.
public final class PostgresConnection: @unchecked Sendable {
    private let handle: Mutex<Handle?>
    private let blockingPool: BlockingPool
    /// The names of this session's prepared statements, by statement text (see `query(prepared:)`).
    private let preparedStatements = Mutex<(names: [String: String], made: Int)>(([:], 0))
    /// The most statements a session prepares; later ones run unprepared.
    static let maximumPreparedStatements = 256

    private init(handle: Handle, blockingPool: BlockingPool) {
        self.handle = Mutex(handle)
        self.blockingPool = blockingPool
    }

    deinit {
        handle.withLock { connection in
            if let connection { PQfinish(connection.pointer) }
        }
    }

    /// Opens a connection to a `postgresql://` URL or a `key=value` connection string.
    public static func connect(
        to url: String, applicationName: String = "moltnet", blockingPool: BlockingPool = .shared
    ) async throws(PostgresError) -> PostgresConnection {
        let handle = try await blockingPool.run { () throws(PostgresError) in try openHandle(url, applicationName) }
        return PostgresConnection(handle: handle, blockingPool: blockingPool)
    }

    /// The raw `PGconn *`; only touched under the connection's mutex.
    private struct Handle: @unchecked Sendable { let pointer: OpaquePointer }

    private static func openHandle(_ url: String, _ applicationName: String) throws(PostgresError) -> Handle {
        let keywords = ["dbname", "application_name", "options", "connect_timeout"]
        let values = [url, applicationName, "-c DateStyle=ISO -c TimeZone=UTC -c client_min_messages=warning", "10"]
        let connection = withCStringArray(keywords) { keywordPointers in
            withCStringArray(values) { valuePointers in PQconnectdbParams(keywordPointers, valuePointers, 1) }
        }
        guard let connection else { throw PostgresError(.connection, message: "out of memory opening a connection") }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = errorMessage(connection)
            PQfinish(connection)
            throw PostgresError(.connection, message: message)
        }
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
        return Handle(pointer: connection)
    }

    /// Whether the connection is open and usable.
    public var isOpen: Bool {
        handle.withLock { connection in connection.map { PQstatus($0.pointer) == CONNECTION_OK } ?? false }
    }

    /// Whether a transaction is open (or failed and not yet rolled back) on this session.
    public var isInTransaction: Bool {
        handle.withLock { connection in
            guard let connection else { return false }
            return PQtransactionStatus(connection.pointer) != PQTRANS_IDLE
        }
    }

    /// The server's version number (`180006` for 18.6).
    public var serverVersion: Int {
        handle.withLock { connection in connection.map { Int(PQserverVersion($0.pointer)) } ?? 0 }
    }

    /// Runs one parameterized statement and returns its rows.
    @discardableResult
    public func query(_ sql: SQL) async throws(PostgresError) -> PostgresResult {
        try await runCancellable { connection throws(PostgresError) in try Self.execute(sql, on: connection) }
    }

    /// Runs `sql` as a named prepared statement of this session: parsed and planned once, then only bound and
    /// executed. For hot statements whose text never varies (no variable-length lists in it); PostgreSQL
    /// re-plans them by itself after schema changes.
    @discardableResult
    public func query(prepared sql: SQL) async throws(PostgresError) -> PostgresResult {
        try await runCancellable { connection throws(PostgresError) in try self.executePrepared(sql, on: connection) }
    }

    /// Runs `sql` as this session's prepared statement, preparing it first when it is new (while there is
    /// room; beyond `maximumPreparedStatements` it runs unprepared).
    private func executePrepared(_ sql: SQL, on connection: OpaquePointer) throws(PostgresError) -> PostgresResult {
        let (known, made, count) = preparedStatements.withLock { ($0.names[sql.text], $0.made, $0.names.count) }
        let name: String
        if let known {
            name = known
        } else if count < Self.maximumPreparedStatements {
            name = "molt_\(made + 1)"
            preparedStatements.withLock { $0.made += 1 }
            let types = sql.binds.map(\.typeOID)
            let result = PQprepare(connection, name, sql.text, Int32(types.count), types)
            defer { PQclear(result) }
            try Self.check(result, connection, query: sql.text)
            preparedStatements.withLock { $0.names[sql.text] = name }
        } else {
            return try Self.execute(sql, on: connection)
        }
        do {
            return try Self.withBindValues(sql) { values throws(PostgresError) in
                let result = PQexecPrepared(connection, name, Int32(sql.binds.count), values, nil, nil, 0)
                defer { PQclear(result) }
                try Self.check(result, connection, query: sql.text)
                return Self.read(result!)
            }
        } catch {
            // A statement gone from the session, or whose result shape a schema change altered, is prepared
            // afresh under a new name next time.
            if error.sqlState == "26000" || error.sqlState == "0A000" {
                preparedStatements.withLock { $0.names[sql.text] = nil }
            }
            throw error
        }
    }

    /// Runs several statements separated by `;` without parameters (migrations, session set-up).
    public func execute(script: String) async throws(PostgresError) {
        try await runCancellable { connection throws(PostgresError) in
            let result = PQexec(connection, script)
            defer { PQclear(result) }
            try Self.check(result, connection, query: nil)
        }
    }

    /// Closes the connection; later calls fail with a `.connection` error.
    public func close() {
        handle.withLock { connection in
            if let open = connection { PQfinish(open.pointer) }
            connection = nil
        }
    }

    /// Runs `body` with the raw handle on a blocking thread, cancelling the statement if the task is cancelled.
    func runCancellable<T: Sendable>(
        _ body: @escaping @Sendable (OpaquePointer) throws(PostgresError) -> T
    ) async throws(PostgresError) -> T {
        let cancel = handle.withLock { connection in connection.flatMap { PQgetCancel($0.pointer) } }
        let canceller = Canceller(cancel)
        defer { canceller.free() }
        let result: Result<T, PostgresError> = await withTaskCancellationHandler {
            await blockingPool.run { () -> Result<T, PostgresError> in
                self.handle.withLock { connection -> Result<T, PostgresError> in
                    guard let connection else {
                        return .failure(PostgresError(.connection, message: "connection is closed"))
                    }
                    // Cancelled before the statement was sent: PQcancel had nothing to cancel yet.
                    guard !canceller.isCancelled else {
                        return .failure(
                            PostgresError(
                                .server, message: "canceling statement due to user request", sqlState: "57014"))
                    }
                    return Result { () throws(PostgresError) in try body(connection.pointer) }
                }
            }
        } onCancel: {
            canceller.cancel()
        }
        return try result.get()
    }

    static func execute(_ sql: SQL, on connection: OpaquePointer) throws(PostgresError) -> PostgresResult {
        let types = sql.binds.map(\.typeOID)
        return try withBindValues(sql) { values throws(PostgresError) in
            let result = PQexecParams(connection, sql.text, Int32(types.count), types, values, nil, nil, 0)
            defer { PQclear(result) }
            try check(result, connection, query: sql.text)
            return read(result!)
        }
    }

    /// Calls `body` with the bind values as C strings (NULL for SQL NULL).
    static func withBindValues<T>(
        _ sql: SQL, _ body: (UnsafePointer<UnsafePointer<CChar>?>?) throws(PostgresError) -> T
    ) throws(PostgresError) -> T {
        let binds = sql.binds
        // A C string ends at NUL: rather than send a silently truncated value, fail as the server would for
        // a NUL in text (PostgreSQL cannot store one in text either).
        if binds.contains(where: { $0.text?.utf8.contains(0) == true }) {
            throw PostgresError(
                .server, message: "invalid byte sequence for encoding \"UTF8\": 0x00", sqlState: "22021",
                query: sql.text)
        }
        let strings: [UnsafeMutablePointer<CChar>?] = binds.map { bind in bind.text.flatMap { strdup($0) } }
        defer { strings.forEach { free($0) } }
        let outcome: Result<T, PostgresError> = strings.withUnsafeBufferPointer { valueBuffer in
            valueBuffer.withMemoryRebound(to: UnsafePointer<CChar>?.self) { values in
                Result { () throws(PostgresError) in try body(values.baseAddress) }
            }
        }
        return try outcome.get()
    }

    static func check(_ result: OpaquePointer?, _ connection: OpaquePointer, query: String?) throws(PostgresError) {
        guard let result else {
            throw PostgresError(.connection, message: errorMessage(connection), query: query)
        }
        let status = PQresultStatus(result)
        guard status != PGRES_COMMAND_OK, status != PGRES_TUPLES_OK else { return }
        if PQstatus(connection) != CONNECTION_OK {
            throw PostgresError(.connection, message: errorMessage(connection), query: query)
        }
        let sqlState = field(result, Int32(UInt8(ascii: "C")))
        let primary = field(result, Int32(UInt8(ascii: "M"))) ?? errorMessage(connection)
        throw PostgresError(.server, message: primary, sqlState: sqlState, query: query)
    }

    private static func read(_ result: OpaquePointer) -> PostgresResult {
        let rowCount = Int(PQntuples(result))
        let columnCount = Int(PQnfields(result))
        let names = (0..<columnCount).map { String(cString: PQfname(result, Int32($0))) }
        let columns = PostgresColumns(names: names)
        var rows: [PostgresRow] = []
        rows.reserveCapacity(rowCount)
        for row in 0..<rowCount {
            var values: [String?] = []
            values.reserveCapacity(columnCount)
            for column in 0..<columnCount {
                if PQgetisnull(result, Int32(row), Int32(column)) == 1 {
                    values.append(nil)
                } else {
                    let length = Int(PQgetlength(result, Int32(row), Int32(column)))
                    let pointer = PQgetvalue(result, Int32(row), Int32(column))!
                    values.append(
                        pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
                            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
                        })
                }
            }
            rows.append(PostgresRow(columns: columns, values: values))
        }
        let affected = Int(String(cString: PQcmdTuples(result))) ?? rowCount
        return PostgresResult(rows: rows, affectedRows: affected, columnNames: names)
    }

    private static func field(_ result: OpaquePointer, _ code: Int32) -> String? {
        cpg_result_error_field(result, code).map { String(cString: $0) }
    }

    static func errorMessage(_ connection: OpaquePointer) -> String {
        String(cString: PQerrorMessage(connection)).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func withCStringArray<R>(
        _ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R
    ) -> R {
        let copies: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) } + [nil]
        defer { copies.forEach { free($0) } }
        return copies.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: UnsafePointer<CChar>?.self) { body($0.baseAddress!) }
        }
    }
}

/// A libpq cancel handle (`PGcancel *`), freed once; cancel may race with free, so both take the lock.
///
/// A cancel request only stops a statement the server is already running, and the task may be cancelled
/// while the statement is still on its way (after the blocking thread checked `isCancelled`, before the
/// server received it). So after the first request, a thread repeats it every 100 ms until the statement
/// ends (`free()`), for at most 5 seconds.
private final class Canceller: Sendable {
    private struct Pointer: @unchecked Sendable { let raw: OpaquePointer }
    private let pointer: Mutex<Pointer?>
    private let cancelled = Atomic<Bool>(false)

    init(_ raw: OpaquePointer?) {
        pointer = Mutex(raw.map(Pointer.init))
    }

    /// Whether `cancel()` was called.
    var isCancelled: Bool { cancelled.load(ordering: .acquiring) }

    func cancel() {
        cancelled.store(true, ordering: .releasing)
        guard send() else { return }
        let retry = Thread { [self] in
            for _ in 0..<50 {
                Thread.sleep(forTimeInterval: 0.1)
                guard send() else { return }
            }
        }
        retry.name = "molt-pg-cancel"
        retry.start()
    }

    /// Sends a cancel request; false once the handle was freed (the statement is over).
    private func send() -> Bool {
        pointer.withLock { pointer in
            guard let pointer else { return false }
            var buffer = [CChar](repeating: 0, count: 256)
            _ = PQcancel(pointer.raw, &buffer, Int32(buffer.count))
            return true
        }
    }

    func free() {
        pointer.withLock { pointer in
            if let pointer { PQfreeCancel(pointer.raw) }
            pointer = nil
        }
    }
}
