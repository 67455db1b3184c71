import Testing

@testable import MoltTUI

@Suite("Diff renderer: only changed cells reach the terminal")
struct DiffRendererTests {
    let size = TerminalSize(columns: 10, rows: 3)

    func screen(_ lines: [String], style: Style = .plain) -> Screen {
        var screen = Screen(size: size)
        for (row, line) in lines.enumerated() { screen.write(line, row: row, column: 0, style: style) }
        return screen
    }

    @Test("the first frame clears and draws only what is not blank")
    func firstFrame() {
        let output = RecordingOutput()
        let renderer = DiffRenderer(output: output)
        var first = Screen(size: size)
        first.write("molt", row: 0, column: 0, style: .plain)
        first.write("ok", row: 2, column: 5, style: .plain)
        let statistics = renderer.render(first)
        #expect(
            output.take() == [
                .clear, .draw(row: 0, column: 0, text: "molt", cells: 4),
                .draw(row: 2, column: 5, text: "ok", cells: 2),
                .cursor(nil), .present,
            ])
        #expect(statistics == DiffRenderer.FrameStatistics(cells: 6, runs: 2, fullRepaint: true))
    }

    @Test("an unchanged frame draws nothing")
    func unchanged() {
        let output = RecordingOutput()
        let renderer = DiffRenderer(output: output)
        renderer.render(screen(["molt", "", "ok"]))
        _ = output.take()
        let statistics = renderer.render(screen(["molt", "", "ok"]))
        #expect(output.take() == [.cursor(nil), .present])
        #expect(statistics == DiffRenderer.FrameStatistics(cells: 0, runs: 0, fullRepaint: false))
    }

    @Test("one changed cell is one run of one cell; a style change counts as a change")
    func singleCell() {
        let output = RecordingOutput()
        let renderer = DiffRenderer(output: output)
        renderer.render(screen(["molt 1/40", "", ""]))
        _ = output.take()
        renderer.render(screen(["molt 2/40", "", ""]))
        #expect(output.take() == [.draw(row: 0, column: 5, text: "2", cells: 1), .cursor(nil), .present])
        var restyled = screen(["molt 2/40", "", ""])
        restyled.restyle(Rect(x: 0, y: 0, width: 4, height: 1)) { $0.adding(.bold) }
        renderer.render(restyled)
        #expect(output.take() == [.draw(row: 0, column: 0, text: "molt", cells: 4), .cursor(nil), .present])
    }

    @Test("separate changes in a row are separate runs")
    func separateRuns() {
        let output = RecordingOutput()
        let renderer = DiffRenderer(output: output)
        renderer.render(screen(["aaaaaaaaaa", "bbbbbbbbbb", ""]))
        _ = output.take()
        renderer.render(screen(["aXaaaaaaYa", "bbbbbbbbbb", ""]))
        #expect(
            output.take() == [
                .draw(row: 0, column: 1, text: "X", cells: 1), .draw(row: 0, column: 8, text: "Y", cells: 1),
                .cursor(nil), .present,
            ])
    }

    @Test("wide graphemes are drawn whole when either half changes")
    func wideGraphemes() {
        let output = RecordingOutput()
        let renderer = DiffRenderer(output: output)
        renderer.render(screen(["ab日本", "", ""]))
        _ = output.take()
        renderer.render(screen(["ab日x", "", ""]))
        #expect(output.take() == [.draw(row: 0, column: 4, text: "x ", cells: 2), .cursor(nil), .present])
        renderer.render(screen(["ab語x", "", ""]))
        #expect(output.take() == [.draw(row: 0, column: 2, text: "語", cells: 2), .cursor(nil), .present])
        renderer.render(screen(["a日日x", "", ""]))
        #expect(output.take() == [.draw(row: 0, column: 1, text: "日日x", cells: 5), .cursor(nil), .present])
    }

    @Test("a new size or invalidate repaints everything after a clear")
    func repaint() {
        let output = RecordingOutput()
        let renderer = DiffRenderer(output: output)
        renderer.render(screen(["molt", "", ""]))
        _ = output.take()
        renderer.invalidate()
        renderer.render(screen(["molt", "", ""]))
        #expect(output.take() == [.clear, .draw(row: 0, column: 0, text: "molt", cells: 4), .cursor(nil), .present])
        var larger = Screen(size: TerminalSize(columns: 12, rows: 2))
        larger.write("molt", row: 1, column: 0, style: .plain)
        renderer.render(larger)
        #expect(output.take() == [.clear, .draw(row: 1, column: 0, text: "molt", cells: 4), .cursor(nil), .present])
    }

    @Test("styled blanks are drawn on a full repaint; the cursor follows the screen")
    func styledBlanksAndCursor() {
        let output = RecordingOutput()
        let renderer = DiffRenderer(output: output)
        var first = Screen(size: TerminalSize(columns: 4, rows: 1))
        first.fill(Rect(x: 0, y: 0, width: 4, height: 1), style: Style(background: .blue))
        first.cursor = CellPosition(row: 0, column: 2)
        renderer.render(first)
        #expect(
            output.take() == [
                .clear, .draw(row: 0, column: 0, text: "    ", cells: 4), .cursor(CellPosition(row: 0, column: 2)),
                .present,
            ])
    }

    @Test("a key press on the Health screen redraws only a few rows")
    func keyPressCost() {
        let store = ConsoleFixtures.storeWithChecks(
            (0..<40).map { ConsoleFixtures.healthy(at: Double($0) * 5) }, size: TerminalSize(columns: 120, rows: 40))
        let output = RecordingOutput()
        let renderer = DiffRenderer(output: output)
        renderer.render(store.core.render(store.state, size: store.state.size))
        var state = store.state
        _ = store.core.update(&state, .keyPressed(.character("j")))
        let statistics = renderer.render(store.core.render(state, size: state.size))
        #expect(!statistics.fullRepaint)
        #expect(
            statistics.cells < 600, "selection move, position note and response pane only: \(statistics.cells) cells")
        #expect(statistics.cells > 0)
    }
}
