/// Where the diff renderer draws: the ncurses terminal in the product, a recording in tests.
public protocol TerminalOutput: AnyObject {
    /// Draws a run of cells starting at a position. Continuation cells (the right half of a wide grapheme)
    /// are part of the run so positions line up; implementations skip them.
    func draw(_ cells: ArraySlice<Cell>, row: Int, column: Int)
    /// Blanks the whole terminal (before a full repaint).
    func clear()
    /// Shows the cursor at a position, or hides it.
    func setCursor(_ position: CellPosition?)
    /// Makes everything drawn since the last call visible.
    func present()
}
