// The MoltWorkflows benchmark: 3-step workflows completed per second, and recovery of pending workflows.
// Driven by bench/workflows/run.sh; see bench/workflows/RESULTS.md.
//
//   WorkflowsBench create-db <server-url> <name>      creates an empty database
//   WorkflowsBench drop-db <server-url> <name>        drops it
//   WorkflowsBench throughput <database-url> <workflows> <concurrency>
//   WorkflowsBench recovery <database-url> <workflows>
// Results are printed as one JSON object a line.
import Foundation
import MoltCore
import MoltPostgres
import MoltWorkflows

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: WorkflowsBench create-db|drop-db|throughput|recovery <url> …\n".utf8))
    exit(2)
}
let url = arguments[2]

do {
    switch arguments[1] {
    case "create-db", "drop-db":
        let name = arguments[3]
        let connection = try await PostgresConnection.connect(to: url)
        try await connection.execute(script: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        if arguments[1] == "create-db" { try await connection.execute(script: "CREATE DATABASE \(name)") }
        connection.close()
    case "throughput":
        try await Throughput(url: url, workflows: Int(arguments[3])!, concurrency: Int(arguments[4])!).run()
    case "recovery":
        try await Recovery(url: url, workflows: Int(arguments[3])!).run()
    default:
        FileHandle.standardError.write(Data("unknown command \(arguments[1])\n".utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
