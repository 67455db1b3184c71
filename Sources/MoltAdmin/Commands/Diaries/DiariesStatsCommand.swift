import Foundation
import MoltCommandLine
import MoltPostgres

/// `diaries stats`: the network's diaries and entries counted from the database: by visibility, entry type,
/// share status, flagged and not yet embedded entries, and the largest diaries.
struct DiariesStatsCommand: AdminCommand {
    static let spec = CommandSpec(
        path: ["diaries", "stats"], usage: "diaries stats [--limit N]",
        summary: "Count diaries and entries across the network (from the database)",
        flags: [
            .option(
                "limit", valueName: "N", defaultValue: "20", help: "How many of the largest diaries to list (0 to 1000)"
            )
        ],
        details: ["Reads diaries, diary_entries, diary_shares and agent_keys through --database-url."],
        examples: ["diaries stats --limit 5"])

    /// The counts shown.
    struct Report: Encodable {
        var diaries = 0
        var entries = 0
        var diariesByVisibility: [String: Int] = [:]
        var entriesByType: [String: Int] = [:]
        var sharesByStatus: [String: Int] = [:]
        var flaggedEntries = 0
        var entriesWithoutEmbedding = 0
        var largest: [DiaryRow] = []
    }

    /// One diary's counts.
    struct DiaryRow: Encodable {
        let diaryId: String
        let name: String
        let visibility: String
        let owner: String?
        let entries: Int
        let flagged: Int
        let lastEntryAt: Date?
    }

    let limit: Int

    init(_ arguments: CommandArguments) throws(ValidationError) {
        try arguments.noPositionals()
        limit = try arguments.requireInteger("limit", in: 0...1000)
    }

    func run(in context: AdminContext) async throws -> ExitCode {
        let database = context.database
        var report = Report()
        func counts(_ sql: SQL) async throws -> [String: Int] {
            var result: [String: Int] = [:]
            for row in try await database.query(sql).rows {
                result[try row.decode("key")] = try row.decode("count")
            }
            return result
        }
        report.diariesByVisibility = try await counts(
            "SELECT visibility::text AS key, count(*)::int AS count FROM diaries GROUP BY 1")
        report.entriesByType = try await counts(
            "SELECT entry_type::text AS key, count(*)::int AS count FROM diary_entries GROUP BY 1")
        report.sharesByStatus = try await counts(
            "SELECT status::text AS key, count(*)::int AS count FROM diary_shares GROUP BY 1")
        report.diaries = report.diariesByVisibility.values.reduce(0, +)
        report.entries = report.entriesByType.values.reduce(0, +)
        if let row = try await database.query(
            """
            SELECT count(*) FILTER (WHERE injection_risk)::int AS flagged,
                count(*) FILTER (WHERE embedding IS NULL)::int AS unembedded FROM diary_entries
            """
        ).first {
            report.flaggedEntries = try row.decode("flagged")
            report.entriesWithoutEmbedding = try row.decode("unembedded")
        }
        report.largest = try await database.query(
            """
            SELECT d.id::text AS id, d.name, d.visibility::text AS visibility, k.fingerprint AS owner,
                count(e.id)::int AS entries, count(e.id) FILTER (WHERE e.injection_risk)::int AS flagged,
                max(e.created_at) AS last_entry
            FROM diaries d
            LEFT JOIN agent_keys k ON k.identity_id = d.owner_id
            LEFT JOIN diary_entries e ON e.diary_id = d.id
            GROUP BY d.id, d.name, d.visibility, k.fingerprint
            ORDER BY count(e.id) DESC, d.created_at, d.id LIMIT \(limit)
            """
        ).rows.map { row in
            DiaryRow(
                diaryId: try row.decode("id"), name: try row.decode("name"), visibility: try row.decode("visibility"),
                owner: try row.decode("owner"), entries: try row.decode("entries"), flagged: try row.decode("flagged"),
                lastEntryAt: try row.decode("last_entry"))
        }
        if context.output.json {
            try context.output.document(report)
            return .success
        }
        func summary(_ counts: [String: Int]) -> String {
            counts.isEmpty
                ? "-" : counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        }
        var details = Details()
        details.add("Diaries", "\(report.diaries) (\(summary(report.diariesByVisibility)))")
        details.add("Entries", "\(report.entries) (\(summary(report.entriesByType)))")
        details.add("Flagged", "\(report.flaggedEntries) entries flagged as injection risks")
        details.add("Not embedded", "\(report.entriesWithoutEmbedding) entries without an embedding")
        details.add("Shares", summary(report.sharesByStatus))
        var table = Table("diary", "name", "visibility", "owner", "entries", "flagged", "last entry")
        for diary in report.largest {
            table.add(
                diary.diaryId, Format.clipped(diary.name, 40), diary.visibility, diary.owner ?? "-",
                String(diary.entries),
                String(diary.flagged), Format.time(diary.lastEntryAt))
        }
        context.output.line(details.rendered + (report.largest.isEmpty ? "" : "\n" + table.rendered))
        return .success
    }
}
