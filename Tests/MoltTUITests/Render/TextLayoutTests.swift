import Testing

@testable import MoltTUI

@Suite("Truncation, fitting and word wrapping in cells")
struct TextLayoutTests {
    @Test("truncates with an ellipsis and never splits a wide character")
    func truncation() {
        #expect(TextLayout.truncate("healthy", toWidth: 10) == "healthy")
        #expect(TextLayout.truncate("connection refused", toWidth: 10) == "connectio…")
        #expect(TextLayout.truncate("日本語テキスト", toWidth: 6) == "日本…")
        #expect(DisplayWidth.of(TextLayout.truncate("日本語テキスト", toWidth: 6)) == 5)
        #expect(TextLayout.truncate("日本語", toWidth: 6) == "日本語")
        #expect(TextLayout.truncate("abc", toWidth: 1) == "…")
        #expect(TextLayout.truncate("abc", toWidth: 0) == "")
    }

    @Test("fits text to an exact width with each alignment")
    func fitting() {
        #expect(TextLayout.fit("ok", toWidth: 5) == "ok   ")
        #expect(TextLayout.fit("ok", toWidth: 5, alignment: .right) == "   ok")
        #expect(TextLayout.fit("ok", toWidth: 5, alignment: .center) == " ok  ")
        #expect(TextLayout.fit("日本", toWidth: 5, alignment: .right) == " 日本")
        #expect(TextLayout.fit("日本語", toWidth: 5) == "日本…")
        #expect(DisplayWidth.of(TextLayout.fit("日本語テ", toWidth: 6)) == 6)
    }

    @Test("wraps at spaces, breaks long words, keeps newlines")
    func wrapping() {
        #expect(TextLayout.wrap("the quick brown fox", width: 10) == ["the quick", "brown fox"])
        #expect(TextLayout.wrap("abcdefghijkl", width: 5) == ["abcde", "fghij", "kl"])
        #expect(TextLayout.wrap("one\n\ntwo", width: 10) == ["one", "", "two"])
        #expect(TextLayout.wrap("", width: 10) == [""])
        #expect(TextLayout.wrap("日本語のテキスト", width: 6) == ["日本語", "のテキ", "スト"])
        #expect(TextLayout.wrap("a\tb", width: 10) == ["a    b"])
    }

    @Test("wrapped ranges map back to the characters")
    func wrappedRanges() {
        let characters = Array("hello world\nbye")
        let lines = TextLayout.wrapRanges(characters, width: 8)
        #expect(lines.map { String($0.text) } == ["hello", "world", "bye"])
        #expect(lines.map(\.start) == [0, 6, 12])
        #expect(lines.map(\.end) == [6, 12, 15])
    }
}
