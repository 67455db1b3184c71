import Foundation
import MoltClient
import MoltCommandLine
import MoltCore
import Synchronization

/// `diaries import FILE`: a diary export written into a NEW diary of the agent `--as`, all or nothing.
///
/// All or nothing: the whole file is read and checked first (every line decodes, every entry passes the
/// server's rules), so a bad file writes nothing. Then a new diary is created and filled; if any write fails,
/// or the import is interrupted (SIGINT, SIGTERM), the new diary is deleted (its entries and shares go with
/// it) and the entries' permission tuples are removed through the admin API, so nothing half-written stays.
struct DiariesImportCommand: AdminCommand {
    static let spec = CommandSpec(
        path: ["diaries", "import"],
        usage: "diaries import FILE.jsonl [--as AGENT] [--name NAME] [--visibility V] [--parallel N]",
        summary: "Import a diary export into a new diary, all or nothing",
        flags: [
            .option("as", valueName: "AGENT", help: "The agent that will own the new diary (default: --credentials)"),
            .option("name", valueName: "NAME", help: "The new diary's name (default: the exported diary's)"),
            .option("visibility", valueName: "V", help: "private, moltnet or public (default: the exported diary's)"),
            .option(
                "parallel", valueName: "N", defaultValue: "4", help: "Entries written at once (1 keeps the exact order)"
            ),
        ],
        details: [
            "The file is checked completely before anything is written. The entries then go into a NEW diary; if a",
            "write fails or the import is interrupted, that diary is deleted again, so nothing half-written stays.",
            "Entries keep their content, title, tags, type and importance, and supersededBy links between them;",
            "ids, times and access counts are new, and the server scans every entry for injection risk again.",
            "Rate-limited writes (429) wait as the server asks and are retried.",
        ],
        examples: ["diaries import research.jsonl --as Genesis-2 --name \"Research (copy)\""])

    let path: String
    let agent: String?
    let name: String?
    let visibility: Visibility?
    let parallel: Int

    init(_ arguments: CommandArguments) throws(ValidationError) {
        path = try arguments.positionals(exactly: "FILE")[0]
        agent = arguments.value("as")
        name = arguments.value("name")
        if let name, !DiaryLimits.nameLength.contains(name.count) {
            throw ValidationError("--name must be 1 to 255 characters")
        }
        visibility = try arguments.value("visibility").map { text throws(ValidationError) in
            guard let value = Visibility.knownCases.first(where: { $0.rawValue == text }) else {
                throw ValidationError("--visibility must be private, moltnet or public")
            }
            return value
        }
        parallel = try arguments.requireInteger("parallel", in: 1...32)
    }

    func run(in context: AdminContext) async throws -> ExitCode {
        let contents = try DiaryArchive.read(path) { header in
            visibility ?? header?.diary.visibility ?? DiaryLimits.defaultVisibility
        }
        let (_, client) = try context.signedIn(as: agent)
        let diaryName =
            name ?? contents.header?.diary.name
            ?? ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let diary = try await client.createDiary(
            CreateDiaryRequest(
                name: String(diaryName.prefix(DiaryLimits.nameLength.upperBound)).isEmpty ? "Imported" : diaryName,
                visibility: visibility ?? contents.header?.diary.visibility ?? DiaryLimits.defaultVisibility))
        let writer = DiaryImportWriter(client: client, diaryID: diary.id, parallel: parallel)
        do {
            let entries = contents.entries
            try await BatchInterruption.watchingSignals { interruption in
                try await writer.write(entries, stoppingAt: interruption)
            }
        } catch {
            let cleanup = await rollback(diary.id, client: client, context: context)
            let reason =
                error is BatchInterrupted || error is CancellationError
                ? "interrupted" : ErrorMessage.describe(error, configuration: context.configuration)
            throw AdminFailure("import failed (\(reason)); \(cleanup)")
        }
        if context.output.json {
            struct Report: Encodable {
                let diaryId: DiaryID
                let name: String
                let visibility: String
                let entries: Int
            }
            try context.output.document(
                Report(
                    diaryId: diary.id, name: diary.name, visibility: diary.visibility.rawValue,
                    entries: contents.entries.count))
        } else {
            context.output.line(
                "Imported \(contents.entries.count) entries into the new diary \"\(diary.name)\" (\(diary.id)).")
        }
        return .success
    }

    /// Deletes the new diary and its entries' tuples; says what was done.
    private func rollback(_ diaryID: DiaryID, client: MoltAPIClient, context: AdminContext) async -> String {
        do {
            _ = try await RateLimitRetry.run { try await client.deleteDiary(diaryID) }
        } catch {
            return
                "deleting the new diary \(diaryID) failed too (\(ErrorMessage.describe(error, configuration: context.configuration))); delete it by hand"
        }
        do {
            try await context.ory.keto.deleteRelationTuples(
                namespace: "DiaryEntry", relation: "parent",
                subject: .set(namespace: "Diary", object: diaryID.description, relation: ""))
        } catch {
            return "the new diary \(diaryID) was deleted, but its entries' permission tuples could not be removed "
                + "(\(ErrorMessage.describe(error, configuration: context.configuration)))"
        }
        return "the new diary \(diaryID) and everything written into it were deleted"
    }
}

/// Writes checked entries into a diary, `parallel` at a time, then links `supersededBy` between them.
///
/// On the first failure or interruption it sends nothing more but lets the requests under way finish (none is
/// cancelled), so when it throws, everything the server wrote for it is in the diary the caller deletes.
struct DiaryImportWriter: Sendable {
    let client: MoltAPIClient
    let diaryID: DiaryID
    let parallel: Int

    func write(
        _ entries: [(line: Int, entry: DiaryArchive.Entry)], stoppingAt interruption: BatchInterruption
    ) async throws {
        let created = EntryIDMap()
        let progress = Progress("importing entries", total: entries.count)
        let items = entries.map { ImportItem(line: $0.line, entry: $0.entry) }
        let failure = await withTaskGroup(of: (any Error)?.self) { group -> (any Error)? in
            var next = 0
            var running = 0
            var failure: (any Error)?
            repeat {
                while failure == nil, !interruption.isRaised, next < items.count, running < parallel {
                    let item = items[next]
                    next += 1
                    running += 1
                    group.addTask {
                        do {
                            let entry = try await retryingRateLimits(line: item.line) {
                                try await client.createEntry(in: diaryID, item.entry.request)
                            }
                            if let old = item.entry.id { created.record(old, as: entry.id) }
                            progress.advance()
                            return nil
                        } catch {
                            progress.advance()
                            return error
                        }
                    }
                }
                guard let result = await group.next() else { break }
                running -= 1
                if failure == nil, let result { failure = result }
            } while true
            return failure
        }
        progress.finish()
        if let failure { throw failure }
        if interruption.isRaised { throw BatchInterrupted() }
        let map = created.snapshot
        let links =
            items.compactMap { item -> (EntryID, EntryID, Int)? in
                guard let old = item.entry.id, let target = item.entry.supersededBy, let new = map[old],
                    let newTarget = map[target]
                else { return nil }
                return (new, newTarget, item.line)
            }
        for (entry, target, line) in links {
            if interruption.isRaised { throw BatchInterrupted() }
            _ = try await retryingRateLimits(line: line) {
                try await client.updateEntry(entry, in: diaryID, UpdateEntryRequest(supersededBy: target))
            }
        }
    }

    private struct ImportItem: Sendable {
        let line: Int
        let entry: DiaryArchive.Entry
    }

    /// Runs `body`, waiting and retrying while the server answers 429; other API errors name the line.
    private func retryingRateLimits<T: Sendable>(line: Int, _ body: () async throws -> T) async throws -> T {
        do {
            return try await RateLimitRetry.run(body)
        } catch let error as MoltAPIError {
            throw AdminFailure("line \(line): \(error.description) (HTTP \(error.status))")
        }
    }
}

/// Old entry ids (from the file) to the new ones, filled by concurrent writes.
final class EntryIDMap: Sendable {
    private let map = Mutex<[EntryID: EntryID]>([:])

    func record(_ old: EntryID, as new: EntryID) { map.withLock { $0[old] = new } }

    var snapshot: [EntryID: EntryID] { map.withLock { $0 } }
}
