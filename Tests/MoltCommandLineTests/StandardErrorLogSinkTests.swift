import Foundation
import Testing

@testable import MoltCommandLine

@Suite("JSON log lines of the stderr sink")
struct StandardErrorLogSinkTests {
    @Test("a record is one line of JSON with sorted keys that parses back to the same strings")
    func roundTrip() throws {
        let object = [
            "message": "Request handled.", "http.route": "/diaries/{diaryId}/entries", "quote": "say \"hi\"",
            "path": "C:\\temp\\x", "lines": "one\ntwo\r\tthree", "control": "bell\u{07}nul\u{00}end",
            "unicode": "naïve — 日本 🐢", "empty": "",
        ]
        let line = StandardErrorLogSink.jsonObject(object)
        #expect(!line.contains("\n"))
        let parsed = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String]
        #expect(parsed == object)
        let keyOrder = object.keys.sorted().map { "\"\($0)\":" }
        let positions = keyOrder.compactMap { line.range(of: $0)?.lowerBound }
        #expect(positions.count == keyOrder.count && positions == positions.sorted())
        #expect(line.contains(#""control":"bell\u0007nul\u0000end""#))
        #expect(StandardErrorLogSink.jsonObject([:]) == "{}")
    }
}
