import Testing

@testable import MoltTUI

@Suite("Display width per grapheme")
struct DisplayWidthTests {
    @Test(
        "measures graphemes the way terminals draw them",
        arguments: [
            ("a", 1), ("é", 1), ("e\u{301}", 1), ("日", 2), ("Ａ", 2), ("😀", 2), ("👍🏽", 2),
            ("👨‍👩‍👧", 2), ("🇫🇷", 2), ("❤️", 2), ("✓", 1), ("…", 1), ("─", 1), ("\u{1}", 1),
        ] as [(String, Int)])
    func graphemeWidth(text: String, width: Int) {
        #expect(text.count == 1, "one grapheme")
        #expect(DisplayWidth.of(Character(text)) == width)
    }

    @Test("sums cells for a string, not characters")
    func stringWidth() {
        #expect(DisplayWidth.of("molt 日本語 ✓") == 13)
        #expect(DisplayWidth.of("👨‍👩‍👧 family") == 9)
        #expect(DisplayWidth.of("") == 0)
    }

    @Test("locale is UTF-8 after preparing it, even under LANG=C")
    func localePrepared() {
        #expect(DisplayWidth.prepareLocale())
    }

    @Test("control characters are shown as a replacement cell")
    func printable() {
        #expect(DisplayWidth.printable("\u{7}") == "\u{FFFD}")
        #expect(DisplayWidth.printable("x") == "x")
        #expect(DisplayWidth.printable("日") == "日")
    }
}
