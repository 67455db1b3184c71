public import Foundation
import MoltCore

/// Reading and writing `timestamptz` text exactly, with microseconds, independent of locale.
///
/// Connections run with `DateStyle=ISO` and `TimeZone=UTC`, so the server sends `2026-11-24 00:31:47.432956+00`,
/// which `ISO8601Timestamp` reads.
public enum PostgresTimestamp {
    /// Formats a date as `2026-11-24T00:31:47.432956Z`, which PostgreSQL reads as a `timestamptz`.
    public static func format(_ date: Date) -> String {
        let micros = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
        let seconds = Int64((Double(micros) / 1_000_000).rounded(.down))
        let fraction = micros - seconds * 1_000_000
        let days = Int64((Double(seconds) / 86_400).rounded(.down))
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = CivilCalendar.date(fromDays: days)
        return String(
            format: "%04lld-%02lld-%02lldT%02lld:%02lld:%02lld.%06lldZ", year, month, day, secondOfDay / 3600,
            secondOfDay / 60 % 60, secondOfDay % 60, fraction)
    }

    /// Parses the server's `timestamptz` text; nil for anything else (`infinity` included).
    public static func parse(_ text: String) -> Date? {
        ISO8601Timestamp.date(from: text)
    }
}
