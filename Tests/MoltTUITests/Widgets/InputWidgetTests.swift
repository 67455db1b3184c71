import Testing

@testable import MoltTUI

@Suite("Input widgets: line editor, command line, help overlay, confirmation, multi-line editor")
struct InputWidgetTests {
    @Test("line editor inserts, deletes, moves and reports submit and cancel")
    func lineEditor() {
        var editor = LineEditor()
        for character in "pend日" { #expect(editor.handle(.character(character)) == .edited) }
        #expect(editor.text == "pend日")
        #expect(editor.handle(.left) == .moved)
        #expect(editor.handle(.backspace) == .edited)
        #expect(editor.text == "pen日")
        #expect(editor.cursor == 3)
        #expect(editor.handle(.home) == .moved)
        #expect(editor.handle(.delete) == .edited)
        #expect(editor.text == "en日")
        #expect(editor.handle(.end) == .moved)
        #expect(editor.handle(.character(" ")) == .edited)
        #expect(editor.handle(.character("x")) == .edited)
        #expect(editor.handle(.control("w")) == .edited)
        #expect(editor.text == "en日 ")
        #expect(editor.handle(.control("u")) == .edited)
        #expect(editor.text == "")
        #expect(editor.handle(.backspace) == .ignored)
        #expect(editor.handle(.up) == .ignored)
        #expect(editor.handle(.enter) == .submitted)
        #expect(editor.handle(.escape) == .cancelled)
    }

    @Test("line editor scrolls long text so the cursor stays visible")
    func lineEditorScroll() {
        let editor = LineEditor(String(repeating: "abcdefghij", count: 5))
        var screen = Screen(size: TerminalSize(columns: 20, rows: 1))
        let cursor = editor.render(prompt: "/", in: Rect(x: 0, y: 0, width: 20, height: 1), on: &screen, theme: .colour)
        #expect(cursor == CellPosition(row: 0, column: 18))
        #expect(screen.textLines == ["/defghijabcdefghij  "])
    }

    @Test("command line completes names and aliases and walks the history")
    func commandLine() {
        let names = [
            CommandName("health", aliases: ["h"], summary: ""), CommandName("help", summary: ""),
            CommandName("about", aliases: ["version"], summary: ""),
        ]
        var line = CommandLineState(names: names)
        #expect(line.completions == names)
        _ = line.handle(.character("h"), names: names, history: [])
        #expect(line.completions.map(\.name) == ["health", "help"])
        #expect(line.handle(.tab, names: names, history: []) == .edited)
        #expect(line.editor.text == "he")
        _ = line.handle(.character("a"), names: names, history: [])
        _ = line.handle(.tab, names: names, history: [])
        #expect(line.editor.text == "health")
        #expect(line.handle(.enter, names: names, history: []) == .submitted("health"))
        var other = CommandLineState(names: names)
        _ = other.handle(.character("v"), names: names, history: [])
        _ = other.handle(.tab, names: names, history: [])
        #expect(other.editor.text == "about")
        var history = CommandLineState(names: names)
        _ = history.handle(.up, names: names, history: ["health", "about"])
        #expect(history.editor.text == "about")
        _ = history.handle(.up, names: names, history: ["health", "about"])
        #expect(history.editor.text == "health")
        _ = history.handle(.down, names: names, history: ["health", "about"])
        _ = history.handle(.down, names: names, history: ["health", "about"])
        #expect(history.editor.text == "")
        #expect(history.handle(.escape, names: names, history: []) == .cancelled)
    }

    @Test("help overlay scrolls, filters with / and closes with esc, ? or q")
    func helpOverlay() {
        var help = HelpOverlayState()
        #expect(help.handle(.character("j"), lineCount: 30, pageSize: 10) == .handled)
        #expect(help.scroll == ScrollPosition(offset: 1))
        #expect(help.handle(.character("/"), lineCount: 30, pageSize: 10) == .handled)
        #expect(help.filterEditor == LineEditor())
        _ = help.handle(.character("p"), lineCount: 30, pageSize: 10)
        #expect(help.filter == "p")
        #expect(help.scroll == ScrollPosition())
        _ = help.handle(.enter, lineCount: 30, pageSize: 10)
        #expect(help.filterEditor == nil)
        #expect(help.filter == "p")
        #expect(help.handle(.escape, lineCount: 30, pageSize: 10) == .handled)
        #expect(help.filter == "")
        #expect(help.handle(.escape, lineCount: 30, pageSize: 10) == .closed)
        #expect(help.handle(.character("?"), lineCount: 30, pageSize: 10) == .closed)
        #expect(help.handle(.character("q"), lineCount: 30, pageSize: 10) == .closed)
    }

    @Test("help lines group keys and match the filter on keys and labels")
    func helpLines() {
        let hints = [
            KeyHint(keys: "d", footerKey: "d", label: "delete the diary", footer: nil, group: .actions),
            KeyHint(keys: "j/↓", footerKey: "j", label: "move down", footer: nil, group: .navigation),
        ]
        #expect(
            HelpOverlayState.lines(hints: hints, filter: "").map(\.text) == [
                "Actions", "  d       delete the diary", "", "Navigation", "  j/↓     move down",
            ])
        #expect(
            HelpOverlayState.lines(hints: hints, filter: "DOWN").map(\.text) == ["Navigation", "  j/↓     move down"])
        #expect(HelpOverlayState.lines(hints: hints, filter: "zzz").map(\.text) == ["No key matches “zzz”."])
    }

    @Test("confirmation: destructive starts on Cancel; y confirms, n and esc cancel, tab switches")
    func confirm() {
        var dialog = ConfirmDialogState(
            ConfirmRequest(title: "Delete?", body: "", confirmLabel: "Delete", isDestructive: true, message: 7))
        #expect(!dialog.confirmFocused)
        #expect(dialog.handle(.enter) == .cancelled)
        #expect(dialog.handle(.tab) == .handled)
        #expect(dialog.confirmFocused)
        #expect(dialog.handle(.enter) == .confirmed)
        #expect(dialog.handle(.character("y")) == .confirmed)
        #expect(dialog.handle(.character("n")) == .cancelled)
        #expect(dialog.handle(.escape) == .cancelled)
        #expect(dialog.handle(.character("x")) == .handled)
        let safe = ConfirmDialogState(
            ConfirmRequest(title: "Accept?", body: "", confirmLabel: "Accept", isDestructive: false, message: 1))
        #expect(safe.confirmFocused)
    }

    @Test("multi-line editor types, breaks lines, moves by visual line and saves")
    func textEditor() {
        var editor = TextEditor()
        for character in "hello world" { _ = editor.handle(.character(character), width: 8, height: 3) }
        #expect(editor.cursorLocation(width: 8) == (line: 1, column: 5))
        #expect(editor.handle(.enter, width: 8, height: 3) == .edited)
        _ = editor.handle(.character("日"), width: 8, height: 3)
        #expect(editor.text == "hello world\n日")
        #expect(editor.cursorLocation(width: 8) == (line: 2, column: 2))
        #expect(editor.handle(.up, width: 8, height: 3) == .moved)
        #expect(editor.cursorLocation(width: 8) == (line: 1, column: 2))
        #expect(editor.handle(.home, width: 8, height: 3) == .moved)
        #expect(editor.cursor == 6)
        #expect(editor.handle(.backspace, width: 8, height: 3) == .edited)
        #expect(editor.text == "helloworld\n日")
        #expect(editor.handle(.pageDown, width: 8, height: 3) == .moved)
        #expect(editor.handle(.down, width: 8, height: 3) == .moved)
        #expect(editor.cursor == editor.characters.count)
        #expect(editor.handle(.tab, width: 8, height: 3) == .edited)
        #expect(editor.text.hasSuffix("日    "))
        #expect(editor.handle(.control("s"), width: 8, height: 3) == .saved)
        #expect(editor.handle(.escape, width: 8, height: 3) == .cancelled)
        #expect(editor.handle(.function(5), width: 8, height: 3) == .ignored)
    }

    @Test("multi-line editor scrolls to keep the cursor visible")
    func textEditorScroll() {
        var editor = TextEditor()
        for _ in 0..<6 { _ = editor.handle(.enter, width: 10, height: 3) }
        #expect(editor.top == 4)
        for _ in 0..<6 { _ = editor.handle(.up, width: 10, height: 3) }
        #expect(editor.top == 0)
    }

    @Test("scroll position moves by lines and pages within the text")
    func scrollPosition() {
        var scroll = ScrollPosition()
        scroll.navigate(.down, lineCount: 30, pageSize: 10)
        #expect(scroll.offset == 1)
        scroll.navigate(.pageDown, lineCount: 30, pageSize: 10)
        #expect(scroll.offset == 11)
        scroll.navigate(.bottom, lineCount: 30, pageSize: 10)
        #expect(scroll.offset == 20)
        scroll.navigate(.down, lineCount: 30, pageSize: 10)
        #expect(scroll.offset == 20)
        scroll.navigate(.halfPageUp, lineCount: 30, pageSize: 10)
        #expect(scroll.offset == 15)
        scroll.navigate(.top, lineCount: 30, pageSize: 10)
        #expect(scroll.offset == 0)
        scroll.navigate(.pageDown, lineCount: 5, pageSize: 10)
        #expect(scroll.offset == 0)
    }

    @Test("the spinner cycles through its frames")
    func spinner() {
        #expect(Spinner.frame(0) == "⠋")
        #expect(Spinner.frame(10) == "⠋")
        #expect(Spinner.frame(-1) == "⠏")
    }
}
