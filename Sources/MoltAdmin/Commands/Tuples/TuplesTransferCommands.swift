import Foundation
import MoltClient
import MoltCommandLine
import MoltCore

/// `tuples export FILE`: every tuple of MoltNet's namespaces as JSON lines (Keto's tuple shape), written
/// atomically; `-` writes to stdout.
struct TuplesExportCommand: AdminCommand {
    static let spec = CommandSpec(
        path: ["tuples", "export"], usage: "tuples export FILE",
        summary: "Export every permission tuple as JSON lines",
        flags: [.option("namespace", valueName: "NS", help: "Only this namespace (default: Agent, Diary, DiaryEntry)")],
        examples: ["tuples export tuples.jsonl"])

    let path: String
    let namespace: String?

    init(_ arguments: CommandArguments) throws(ValidationError) {
        path = try arguments.positionals(exactly: "FILE")[0]
        namespace = arguments.value("namespace")
    }

    func run(in context: AdminContext) async throws -> ExitCode {
        var lines: [String] = []
        for namespace in namespace.map({ [$0] }) ?? moltnetNamespaces {
            for tuple in try await allRelationTuples(context.ory.keto, KetoRelationQuery(namespace: namespace)) {
                lines.append(try Output.jsonLine(tuple))
            }
        }
        let text = lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
        if path == "-" {
            StandardStreams.writeOut(text)
            return .success
        }
        try AtomicFile.write(Array(text.utf8), to: path, mode: 0o644, directoryMode: 0o755)
        if context.output.json {
            try context.output.document(TransferReport(file: path, tuples: lines.count))
        } else {
            context.output.line("Exported \(lines.count) tuples to \(path).")
        }
        return .success
    }
}

/// `tuples import FILE`: writes every tuple of a JSON lines file; writing one that exists changes nothing,
/// so an import can be repeated. The whole file is checked before anything is written.
struct TuplesImportCommand: AdminCommand {
    static let spec = CommandSpec(
        path: ["tuples", "import"], usage: "tuples import FILE",
        summary: "Import permission tuples from JSON lines (idempotent)",
        details: ["Every line is parsed first; a bad line stops the import before any write, naming the line."],
        examples: ["tuples import tuples.jsonl"])

    let path: String

    init(_ arguments: CommandArguments) throws(ValidationError) {
        path = try arguments.positionals(exactly: "FILE")[0]
    }

    func run(in context: AdminContext) async throws -> ExitCode {
        let tuples = try JSONLines.read(path, as: KetoRelationTuple.self).map(\.value)
        let keto = context.ory.keto
        let progress = Progress("writing tuples", total: tuples.count)
        try await forEachConcurrently(tuples, width: 8) { tuple in
            try await keto.createRelationTuple(tuple)
            progress.advance()
        }
        progress.finish()
        if context.output.json {
            try context.output.document(TransferReport(file: path, tuples: tuples.count))
        } else {
            context.output.line("Imported \(tuples.count) tuples from \(path).")
        }
        return .success
    }
}

/// What an export or import moved.
struct TransferReport: Encodable {
    let file: String
    let tuples: Int
}
