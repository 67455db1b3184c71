// MoltClient's DBOS workflow reader on a large `dbos.workflow_status`: list latency per filter (keyset
// pages, never OFFSET), a walk through every page, and the OFFSET query a naive reader would run.
// Driven by bench/client-dbos/run.sh, which records the Markdown it prints in RESULTS.md.
//
//   ClientDBOSBench <server-url> [workflows]     (default 100000; the server URL names any database)
import Foundation
import MoltClient
import MoltCore
import MoltPostgres
import MoltWorkflows

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: ClientDBOSBench <server-url> [workflows]\n".utf8))
    exit(2)
}
let serverURL = arguments[1]
let count = arguments.count > 2 ? Int(arguments[2]) ?? 100_000 : 100_000
let databaseName = "bench_client_dbos"

do {
    let admin = try await PostgresConnection.connect(to: serverURL)
    try await admin.execute(script: "DROP DATABASE IF EXISTS \(databaseName) WITH (FORCE)")
    try await admin.execute(script: "CREATE DATABASE \(databaseName)")
    let url = BenchDatabase.url(serverURL, database: databaseName)
    let pool = PostgresPool(url: url, maximumConnections: 2)
    let seeded = try await BenchDatabase.seed(pool, count: count)
    let report = try await ListBenchmark(pool: pool, count: count).run()
    await pool.shutDown()
    try await admin.execute(script: "DROP DATABASE IF EXISTS \(databaseName) WITH (FORCE)")
    admin.close()
    print(Report.markdown(count: count, seedSeconds: seeded, report))
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
