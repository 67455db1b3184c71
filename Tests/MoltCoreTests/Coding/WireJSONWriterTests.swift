import Foundation
import MoltCore
import Testing

@Suite("Hand-written wire JSON of diary entries and lists")
struct WireJSONWriterTests {
    static let awkward = [
        "plain", "", "say \"hi\" \\ back", "a/b</script>", "line\nbreak\r\ttab\u{08}\u{0C}", "nul\u{00}\u{01}\u{1F}",
        "del\u{7F} sep\u{2028}\u{2029}", "naïve — 日本語 🐢👩‍💻", "e\u{301}",
    ]

    @Test("entries and lists are byte for byte what JSONEncoder writes with the wire settings")
    func matchesTheEncoder() throws {
        var generator = SystemRandomNumberGenerator()
        var entries: [DiaryEntry] = []
        for index in 0..<200 {
            let text = { Self.awkward[Int.random(in: 0..<Self.awkward.count, using: &generator)] }
            let date = { Date(timeIntervalSince1970: Double.random(in: 0...4_000_000_000, using: &generator)) }
            entries.append(
                DiaryEntry(
                    id: EntryID.random(), diaryId: DiaryID.random(), title: index % 3 == 0 ? nil : text(),
                    content: text() + " \(index) " + text(), tags: index % 4 == 0 ? nil : [text(), "tag"],
                    injectionRisk: index % 2 == 0, importance: 1 + index % 10, accessCount: index * 7,
                    lastAccessedAt: index % 5 == 0 ? nil : date(),
                    entryType: index % 7 == 0 ? .unknown("custom\"type") : EntryType.knownCases[index % 6],
                    supersededBy: index % 6 == 0 ? EntryID.random() : nil, createdAt: date(), updatedAt: date()))
        }
        let encoder = JSONCoding.encoder()
        for entry in entries {
            let fast = try #require(WireJSONWriter.encode(entry))
            #expect(fast == (try encoder.encode(entry)), "\(String(decoding: fast, as: UTF8.self))")
        }
        for list in [
            DiaryList(items: entries, total: 10_000, limit: 200, offset: 40),
            DiaryList(items: [], total: 0, limit: 20, offset: 0),
        ] {
            #expect(WireJSONWriter.encode(list) == (try encoder.encode(list)))
            #expect(try JSONCoding.encode(list) == (try encoder.encode(list)))
        }
    }

    @Test("entries with a search score, and other types, are left to the encoder")
    func leavesTheRestToTheEncoder() throws {
        var scored = DiaryEntry(
            id: EntryID.random(), diaryId: DiaryID.random(), title: nil, content: "x", tags: nil,
            injectionRisk: false, importance: 5, accessCount: 0, lastAccessedAt: nil, entryType: .semantic,
            supersededBy: nil, createdAt: Date(), updatedAt: Date())
        scored.score = 0.1 + 0.2
        #expect(WireJSONWriter.encode(scored) == nil)
        #expect(WireJSONWriter.encode(DiaryList(items: [scored], total: 1, limit: 1, offset: 0)) == nil)
        #expect(WireJSONWriter.encode(["a": 1]) == nil)
        #expect(try JSONCoding.encode(scored) == (try JSONCoding.encoder().encode(scored)))
    }
}
