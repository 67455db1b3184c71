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
}
