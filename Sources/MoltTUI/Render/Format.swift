public import Foundation
import MoltCore

/// How values read on screen: UTC dates, ages and countdowns, durations, short ids, compact counts, JSON.
///
/// Everything takes the current time as a parameter (the injected clock), so rendering stays pure.
public enum Format {
    /// `2026-11-24 14:03` (UTC).
    public static func dateTime(_ date: Date) -> String {
        let (day, seconds) = split(date)
        return day + String(format: " %02d:%02d", seconds / 3600, seconds % 3600 / 60)
    }

    /// `2026-11-24 14:03:09Z` (UTC).
    public static func timestamp(_ date: Date) -> String {
        let (day, seconds) = split(date)
        return day + String(format: " %02d:%02d:%02dZ", seconds / 3600, seconds % 3600 / 60, seconds % 60)
    }

    /// `2026-11-24` (UTC).
    public static func date(_ date: Date) -> String { split(date).day }

    /// `now`, `42s ago`, `5m ago`, `3h ago`, `12d ago` (or `in 5m` for a future date).
    public static func age(_ date: Date, now: Date) -> String {
        let seconds = Int(now.timeIntervalSince(date).rounded())
        if abs(seconds) < 5 { return "now" }
        let text = compactSpan(abs(seconds))
        return seconds >= 0 ? "\(text) ago" : "in \(text)"
    }

    /// The time left until `date`: `23h 59m`, `4m 12s`, `12s`, or `expired`.
    public static func countdown(to date: Date, now: Date) -> String {
        let seconds = Int(date.timeIntervalSince(now).rounded(.down))
        guard seconds > 0 else { return "expired" }
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3600 { return String(format: "%dm %02ds", seconds / 60, seconds % 60) }
        if seconds < 86_400 { return String(format: "%dh %02dm", seconds / 3600, seconds % 3600 / 60) }
        return String(format: "%dd %02dh", seconds / 86_400, seconds % 86_400 / 3600)
    }

    /// `850 ms`, `1.24 s`, `3m 04s`, `2h 03m`.
    public static func duration(_ duration: Duration) -> String {
        let seconds = duration.timeInterval
        if seconds < 1 { return String(format: "%.0f ms", seconds * 1000) }
        if seconds < 60 { return String(format: "%.2f s", seconds) }
        let whole = Int(seconds)
        if whole < 3600 { return String(format: "%dm %02ds", whole / 60, whole % 60) }
        return String(format: "%dh %02dm", whole / 3600, whole % 3600 / 60)
    }

    /// The first 8 characters of an id (`3fa85f64`).
    public static func shortID(_ id: String) -> String { String(id.prefix(8)) }

    /// `999`, `12.3k`, `1.2M`.
    public static func count(_ value: Int) -> String {
        if value < 10_000 { return "\(value)" }
        if value < 1_000_000 { return String(format: "%.1fk", Double(value) / 1000) }
        return String(format: "%.1fM", Double(value) / 1_000_000)
    }

    /// The first line of `text` with runs of whitespace collapsed.
    public static func firstLine(_ text: String) -> String {
        let line = text.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? ""
        return line.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// `text` re-indented when it is JSON, else unchanged.
    public static func prettyJSON(_ text: String) -> String {
        guard let data = text.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
            let pretty = try? JSONSerialization.data(
                withJSONObject: object,
                options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed])
        else { return text }
        return String(decoding: pretty, as: UTF8.self)
    }

    /// Any encodable value as sorted, indented JSON.
    public static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(timestamp(date))
        }
        guard let data = try? encoder.encode(value) else { return "(not encodable)" }
        return String(decoding: data, as: UTF8.self)
    }

    private static func compactSpan(_ seconds: Int) -> String {
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3600 { return "\(seconds / 60)m" }
        if seconds < 86_400 { return "\(seconds / 3600)h" }
        return "\(seconds / 86_400)d"
    }

    private static func split(_ date: Date) -> (day: String, seconds: Int) {
        let total = Int(date.timeIntervalSince1970.rounded(.down))
        let days = Int64((total - ((total % 86_400) + 86_400) % 86_400) / 86_400)
        let civil = CivilCalendar.date(fromDays: days)
        let day = String(format: "%04d-%02d-%02d", Int(civil.year), Int(civil.month), Int(civil.day))
        return (day, ((total % 86_400) + 86_400) % 86_400)
    }

}
