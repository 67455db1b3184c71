import Foundation
import MoltCommandLine
import MoltCore

/// Where results go: tables and messages for people on stdout by default, one JSON document with `--json`;
/// notes for people (never results) on stderr.
struct Output: Sendable {
    /// Whether results are printed as JSON.
    let json: Bool

    /// Prints `text` on stdout, adding a final newline when missing.
    func line(_ text: String) {
        StandardStreams.writeOut(text.hasSuffix("\n") ? text : text + "\n")
    }

    /// Prints a note on stderr (a warning, what a dry run would do, where a file went).
    func note(_ text: String) {
        StandardStreams.writeError(text.hasSuffix("\n") ? text : text + "\n")
    }

    /// Prints a table, or `empty` when it has no rows.
    func table(_ table: Table, empty: String) {
        line(table.rows.isEmpty ? empty : table.rendered)
    }

    /// Prints `value` as pretty JSON (sorted keys, wire dates).
    func document(_ value: some Encodable) throws {
        line(try Self.jsonText(value))
    }

    /// Pretty JSON text for `value`.
    static func jsonText(_ value: some Encodable) throws -> String {
        let data = try JSONCoding.encoder(prettyPrinted: true).encode(value)
        return String(decoding: data, as: UTF8.self)
    }

    /// One compact JSON line for `value`.
    static func jsonLine(_ value: some Encodable) throws -> String {
        String(decoding: try JSONCoding.encode(value), as: UTF8.self)
    }
}

/// How times and durations read in tables.
enum Format {
    /// `2026-02-23 10:11:12` (UTC, to the second).
    static func time(_ date: Date?) -> String {
        guard let date else { return "-" }
        let text = ISO8601Timestamp.string(from: date)
        return text.prefix(10) + " " + text.dropFirst(11).prefix(8)
    }

    /// `850ms`, `12.3s`, `4m05s`, `2h10m`.
    static func duration(_ duration: Duration?) -> String {
        guard let duration else { return "-" }
        let milliseconds = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        if milliseconds < 1000 { return "\(milliseconds)ms" }
        if milliseconds < 60_000 { return String(format: "%.1fs", Double(milliseconds) / 1000) }
        let seconds = milliseconds / 1000
        if seconds < 3600 { return String(format: "%dm%02ds", seconds / 60, seconds % 60) }
        return String(format: "%dh%02dm", seconds / 3600, seconds / 60 % 60)
    }

    /// A text cut to `width` characters with `…`.
    static func clipped(_ text: String, _ width: Int) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        return flat.count <= width ? flat : String(flat.prefix(width - 1)) + "…"
    }
}
