@testable import MoltTUI

/// A `TerminalOutput` that records every call, so tests see exactly what would reach the terminal.
final class RecordingOutput: TerminalOutput {
    enum Call: Equatable, CustomStringConvertible {
        case draw(row: Int, column: Int, text: String, cells: Int)
        case clear
        case cursor(CellPosition?)
        case present

        var description: String {
            switch self {
            case .draw(let row, let column, let text, let cells): "draw(\(row),\(column)) \"\(text)\" [\(cells)]"
            case .clear: "clear"
            case .cursor(let position): "cursor \(position.map { "\($0.row),\($0.column)" } ?? "hidden")"
            case .present: "present"
            }
        }
    }

    private(set) var calls: [Call] = []

    func draw(_ cells: ArraySlice<Cell>, row: Int, column: Int) {
        let text = String(cells.filter { !$0.isContinuation }.map(\.grapheme))
        calls.append(.draw(row: row, column: column, text: text, cells: cells.count))
    }

    func clear() { calls.append(.clear) }
    func setCursor(_ position: CellPosition?) { calls.append(.cursor(position)) }
    func present() { calls.append(.present) }

    /// Returns the calls so far and forgets them.
    func take() -> [Call] {
        defer { calls = [] }
        return calls
    }
}
