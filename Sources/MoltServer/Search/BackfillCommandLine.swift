public import Foundation
public import MoltCommandLine
import MoltCore
import MoltEmbeddings
import MoltPostgres

/// `moltnetd backfill-embeddings [--batch N] [--dry-run]`: embeds the entries that have no vector of the
/// configured model, in this process, with progress on stderr. Safe while servers run, and resumable: run it
/// again after an interruption and it continues with what is left.
public struct BackfillCommandLine: Sendable {
    /// The subcommand's name after `moltnetd`.
    public static let name = "backfill-embeddings"

    public static let flags: [Flag] = [
        .option(
            "batch", environment: "MOLTNET_BACKFILL_BATCH", valueName: "N", defaultValue: "64",
            help: "Entries read and embedded per round (1-10000); progress is printed after each"),
        .toggle("dry-run", help: "Only count the entries that need a vector"),
        .option(
            "database-url", environment: "DATABASE_URL", valueName: "URL",
            defaultValue: ServerConfiguration.defaultDatabaseURL, help: "PostgreSQL with pgvector"),
        .option(
            "embedding-model-dir", environment: "MOLTNET_EMBEDDING_MODEL_DIR", valueName: "DIR",
            help: "Embedding model folder (default: .moltnet/models/all-MiniLM-L6-v2 under the working directory)"),
        .toggle("help", short: "h", help: "Show this help"),
    ]

    public static let help = HelpText(
        usage: "moltnetd backfill-embeddings [--batch N] [--dry-run] [options]",
        summary: """
            Embeds every diary entry whose vector is missing or was made by another model, then exits. \
            Interrupted runs resume where they stopped.
            """,
        flags: flags,
        sections: [("Exit status", ["0 done (or counted, with --dry-run), 1 failure, 2 usage error"])])

    public let batch: Int
    public let dryRun: Bool
    public let databaseURL: String
    public let modelDirectory: URL

    /// Parses the arguments after `backfill-embeddings`.
    public init(arguments: [String], environment: [String: String]) throws {
        let parsed = try ParsedArguments(arguments, flags: Self.flags, environment: environment)
        if parsed.isSet("help") { throw HelpRequested(text: Self.help.rendered) }
        guard parsed.positionals.isEmpty else {
            throw ValidationError("unexpected argument \(parsed.positionals[0])")
        }
        batch = try parsed.integer("batch", in: 1...10_000) ?? 64
        dryRun = parsed.isSet("dry-run")
        databaseURL = try parsed.require("database-url")
        modelDirectory =
            parsed.value("embedding-model-dir").map { URL(fileURLWithPath: $0) }
            ?? EmbeddingModelLocation.directory(
                environment: [:], projectRoot: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    }

    /// Runs the backfill (or the count), writing progress and the summary to stderr.
    public func run(progress: @escaping @Sendable (String) -> Void) async throws {
        let embedder = try SentenceEmbedder(directory: modelDirectory)
        let database = PostgresPool(url: databaseURL, maximumConnections: 2, applicationName: "moltnetd-backfill")
        do {
            _ = try await Migrator(migrations: ServerMigrations.all()).migrate(database)
            let backfill = EmbeddingBackfill(database: database, embedder: embedder, batch: batch)
            if dryRun {
                let pending = try await backfill.pendingCount()
                progress("\(pending) entries need a \(embedder.modelID) vector (dry run: nothing written)")
            } else {
                progress("embedding entries with \(embedder.modelID), \(batch) per batch")
                let report = try await backfill.run(progress: progress)
                progress(
                    "done: \(report.embedded) embedded, \(report.skipped) changed meanwhile, "
                        + "\(try await backfill.pendingCount()) still without a \(embedder.modelID) vector")
            }
        } catch {
            await database.shutDown()
            throw error
        }
        await database.shutDown()
    }
}
