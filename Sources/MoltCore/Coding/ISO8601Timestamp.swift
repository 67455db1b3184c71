public import Foundation

/// Wire timestamps: written as UTC with milliseconds and `Z` (JavaScript's `toISOString`,
/// `2026-02-23T10:11:12.345Z`), read with or without fractional seconds and with any offset.
public enum ISO8601Timestamp {
    /// Formats `date` as `YYYY-MM-DDTHH:MM:SS.mmmZ`, truncating to the millisecond like JavaScript.
    public static func string(from date: Date) -> String {
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let seconds = Int64((Double(millis) / 1000).rounded(.down))
        let fraction = millis - seconds * 1000
        let days = Int64((Double(seconds) / 86_400).rounded(.down))
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = CivilCalendar.date(fromDays: days)
        guard (0...9999).contains(year) else {
            return String(
                format: "%04lld-%02lld-%02lldT%02lld:%02lld:%02lld.%03lldZ", year, month, day, secondOfDay / 3600,
                secondOfDay / 60 % 60, secondOfDay % 60, fraction)
        }
        // Every response carries timestamps: written digit by digit, not through String(format:) and its locale.
        return String(unsafeUninitializedCapacity: 24) { buffer in
            var index = 0
            func put(_ value: Int64, width: Int) {
                var divisor: Int64 = 1
                for _ in 1..<width { divisor *= 10 }
                while divisor > 0 {
                    buffer[index] = UInt8(ascii: "0") + UInt8(value / divisor % 10)
                    index += 1
                    divisor /= 10
                }
            }
            func put(_ character: Unicode.Scalar) {
                buffer[index] = UInt8(ascii: character)
                index += 1
            }
            put(year, width: 4)
            put("-")
            put(month, width: 2)
            put("-")
            put(day, width: 2)
            put("T")
            put(secondOfDay / 3600, width: 2)
            put(":")
            put(secondOfDay / 60 % 60, width: 2)
            put(":")
            put(secondOfDay % 60, width: 2)
            put(".")
            put(fraction, width: 3)
            put("Z")
            return index
        }
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`; nil for anything else.
    public static func date(from text: String) -> Date? {
        var scanner = DigitScanner(text)
        guard let year = scanner.number(4), scanner.take("-"), let month = scanner.number(2), scanner.take("-"),
            let day = scanner.number(2), scanner.take("T") || scanner.take("t") || scanner.take(" "),
            let hour = scanner.number(2), scanner.take(":"), let minute = scanner.number(2), scanner.take(":"),
            let second = scanner.number(2)
        else { return nil }
        var nanos: Int64 = 0
        if scanner.take(".") {
            guard let (value, digits) = scanner.fraction() else { return nil }
            nanos = value
            for _ in digits..<9 { nanos *= 10 }
        }
        var offset: Int64 = 0
        if scanner.take("Z") || scanner.take("z") {
            offset = 0
        } else if let sign = scanner.sign() {
            guard let hours = scanner.number(2) else { return nil }
            _ = scanner.take(":")
            let minutes = scanner.number(2) ?? 0
            offset = sign * (hours * 3600 + minutes * 60)
        } else {
            return nil
        }
        guard scanner.isAtEnd, (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        let days = CivilCalendar.days(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + Double(nanos) / 1_000_000_000)
    }
}

/// Proleptic Gregorian date arithmetic in days since 1970-01-01 (Howard Hinnant's algorithms).
public enum CivilCalendar {
    /// Days since the epoch of a calendar date.
    public static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The calendar date of a day count since the epoch.
    public static func date(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

/// Reads fixed-width numbers and separators from ASCII text.
struct DigitScanner {
    private let bytes: [UInt8]
    private var cursor = 0

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    var isAtEnd: Bool { cursor == bytes.count }

    mutating func number(_ width: Int) -> Int64? {
        guard cursor + width <= bytes.count else { return nil }
        var value: Int64 = 0
        for byte in bytes[cursor..<cursor + width] {
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int64(byte - 48)
        }
        cursor += width
        return value
    }

    /// Up to nine significant digits of a fraction, skipping any further digits; nil when there are none.
    mutating func fraction() -> (value: Int64, digits: Int)? {
        var value: Int64 = 0
        var digits = 0
        var seen = 0
        while cursor < bytes.count, (48...57).contains(bytes[cursor]) {
            if digits < 9 {
                value = value * 10 + Int64(bytes[cursor] - 48)
                digits += 1
            }
            seen += 1
            cursor += 1
        }
        return seen > 0 ? (value, digits) : nil
    }

    mutating func take(_ character: Unicode.Scalar) -> Bool {
        guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: character) else { return false }
        cursor += 1
        return true
    }

    mutating func sign() -> Int64? {
        if take("+") { return 1 }
        if take("-") { return -1 }
        return nil
    }
}
