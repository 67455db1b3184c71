/// Draws a `Screen` on a `TerminalOutput`, sending only the runs of cells that differ from the previous one.
///
/// The first frame, a new size, or `invalidate()` (ctrl-l, a resize) repaint everything after a clear; a
/// repaint skips the blank cells the clear already produced.
public final class DiffRenderer {
    private let output: any TerminalOutput
    private var previous: Screen?

    public init(output: any TerminalOutput) {
        self.output = output
    }

    /// Forgets what the terminal shows, so the next frame is painted in full.
    public func invalidate() {
        previous = nil
    }

    /// What one frame cost.
    public struct FrameStatistics: Equatable, Sendable {
        /// Cells sent to the output.
        public var cells: Int
        /// Runs (calls to `draw`).
        public var runs: Int
        /// Whether the terminal was cleared first.
        public var fullRepaint: Bool
    }

    /// Draws `screen`, sending only what changed; returns what was sent.
    @discardableResult
    public func render(_ screen: Screen) -> FrameStatistics {
        var statistics = FrameStatistics(cells: 0, runs: 0, fullRepaint: false)
        let base: Screen
        if let previous, previous.size == screen.size {
            base = previous
        } else {
            output.clear()
            statistics.fullRepaint = true
            base = Screen(size: screen.size)
        }
        for row in 0..<screen.height {
            let old = base.row(row)
            let new = screen.row(row)
            if old == new { continue }
            let offset = new.startIndex
            var column = 0
            while column < screen.width {
                if old[offset + column] == new[offset + column] {
                    column += 1
                    continue
                }
                var start = column
                if new[offset + start].isContinuation, start > 0 { start -= 1 }
                var end = column + 1
                while end < screen.width, old[offset + end] != new[offset + end] { end += 1 }
                if new[offset + end - 1].width == 2, end < screen.width { end += 1 }
                output.draw(new[(offset + start)..<(offset + end)], row: row, column: start)
                statistics.cells += end - start
                statistics.runs += 1
                column = end
            }
        }
        output.setCursor(screen.cursor)
        output.present()
        previous = screen
        return statistics
    }
}
