import Foundation
import MoltCore
import Testing

@Suite("Wire timestamps")
struct ISO8601TimestampTests {
    @Test("written like JavaScript's toISOString, milliseconds truncated")
    func write() {
        let date = Date(timeIntervalSince1970: 1_771_841_472.3459)
        #expect(ISO8601Timestamp.string(from: date) == "2026-02-23T10:11:12.345Z")
        #expect(ISO8601Timestamp.string(from: Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(ISO8601Timestamp.string(from: Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59.000Z")
    }

    @Test(
        "read with and without fractions and offsets",
        arguments: [
            ("2026-02-23T10:11:12.345Z", 1_771_841_472.345),
            ("2026-02-23T10:11:12Z", 1_771_841_472),
            ("2026-02-23T12:11:12+02:00", 1_771_841_472),
            ("2026-02-23 10:11:12.345678+00", 1_771_841_472.345678),
            ("2026-02-23T10:11:12.123456789Z", 1_771_841_472.123456789),
        ])
    func read(text: String, seconds: Double) throws {
        let date = try #require(ISO8601Timestamp.date(from: text))
        #expect(abs(date.timeIntervalSince1970 - seconds) < 0.000_001)
    }

    @Test("rejects malformed text", arguments: ["", "2026-02-23", "2026-13-01T00:00:00Z", "2026-02-23T10:11:12", "x"])
    func reject(text: String) {
        #expect(ISO8601Timestamp.date(from: text) == nil)
    }

    @Test("the digit-by-digit writer matches the printf format from year 0 to 9999, and beyond falls back to it")
    func writerMatchesFormat() {
        var generator = SystemRandomNumberGenerator()
        let first = -62_167_219_200.0  // 0000-01-01T00:00:00Z
        let last = 253_402_300_799.999  // 9999-12-31T23:59:59.999Z
        let samples =
            [first, last, 0, -0.001, 951_782_400, 4_107_542_400]
            + (0..<2000).map { _ in
                Double.random(in: first...last, using: &generator)
            }
        for seconds in samples {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(ISO8601Timestamp.string(from: date) == reference(date), "\(seconds)")
        }
        #expect(
            ISO8601Timestamp.string(from: Date(timeIntervalSince1970: 253_402_300_800)) == "10000-01-01T00:00:00.000Z")
    }

    private func reference(_ date: Date) -> String {
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let seconds = Int64((Double(millis) / 1000).rounded(.down))
        let days = Int64((Double(seconds) / 86_400).rounded(.down))
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = CivilCalendar.date(fromDays: days)
        return String(
            format: "%04lld-%02lld-%02lldT%02lld:%02lld:%02lld.%03lldZ", year, month, day, secondOfDay / 3600,
            secondOfDay / 60 % 60, secondOfDay % 60, millis - seconds * 1000)
    }
}
