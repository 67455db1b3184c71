import MoltTestSupport
import Testing

@testable import MoltTUI

@Suite("The cell grid")
struct ScreenTests {
    let bold = Style(attributes: .bold)

    @Test("writes wide graphemes as a cell and a continuation")
    func wideCells() {
        var screen = Screen(size: TerminalSize(columns: 6, rows: 1))
        let end = screen.write("a日b", row: 0, column: 0, style: bold)
        #expect(end == 4)
        #expect(screen[0, 1].width == 2)
        #expect(screen[0, 2].isContinuation)
        #expect(screen.textLines == ["a日b  "])
    }

    @Test("a wide grapheme that does not fit at the edge becomes a blank")
    func wideAtEdge() {
        var screen = Screen(size: TerminalSize(columns: 4, rows: 1))
        screen.write("abc日", row: 0, column: 0, style: .plain)
        #expect(screen.textLines == ["abc "])
        #expect(screen[0, 3].width == 1)
    }

    @Test("maxWidth cuts before a wide grapheme that would cross it")
    func wideAtLimit() {
        var screen = Screen(size: TerminalSize(columns: 8, rows: 1))
        let end = screen.write("ab日本", row: 0, column: 0, style: .plain, maxWidth: 5)
        #expect(end == 5)
        #expect(screen.textLines == ["ab日    "])
    }

    @Test("overwriting half of a wide grapheme blanks the other half")
    func overwriteHalves() {
        var screen = Screen(size: TerminalSize(columns: 6, rows: 1))
        screen.write("日本", row: 0, column: 0, style: .plain)
        screen.put("x", row: 0, column: 1, style: .plain)
        #expect(screen.textLines == [" x本  "])
        screen.put("y", row: 0, column: 2, style: .plain)
        #expect(screen.textLines == [" xy   "])
        #expect(!screen[0, 3].isContinuation)
    }

    @Test("clips writes to a rectangle")
    func clipping() {
        var screen = Screen(size: TerminalSize(columns: 10, rows: 2))
        screen.write("clipped text", row: 1, column: 2, style: .plain, clip: Rect(x: 2, y: 1, width: 4, height: 1))
        #expect(screen.textLines == ["          ", "  clip    "])
    }

    @Test("snapshot shows text, a style letter per cell and a legend")
    func snapshotFormat() {
        var screen = Screen(size: TerminalSize(columns: 8, rows: 2))
        screen.write("molt", row: 0, column: 0, style: Style(foreground: .black, background: .cyan))
        screen.write("日本 ok", row: 1, column: 0, style: bold)
        screen.cursor = CellPosition(row: 1, column: 7)
        let expected = """
            screen 8x2, cursor at row 1 column 7
            0 │molt    │
              │AAAA....│
            1 │日本 ok │
              │BBBBBBB.│
            styles:
              . default
              A fg=black bg=cyan
              B bold

            """
        #expect(screen.snapshot == expected)
    }

    @Test("restyle keeps text and changes styles")
    func restyle() {
        var screen = Screen(size: TerminalSize(columns: 4, rows: 1))
        screen.write("ab", row: 0, column: 0, style: .plain)
        screen.restyle(Rect(x: 0, y: 0, width: 4, height: 1)) { $0.adding(.reverse) }
        #expect(screen.textLines == ["ab  "])
        #expect(screen.row(0).allSatisfy { $0.style.attributes == .reverse })
    }
}
