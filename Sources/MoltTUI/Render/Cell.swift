/// One terminal cell: the grapheme cluster it shows, how many cells that grapheme takes, and its style.
///
/// A wide grapheme (CJK, emoji) lives in its first cell with `width == 2`; the cell to its right is a
/// continuation (`width == 0`) that the terminal backend never draws on its own.
public struct Cell: Hashable, Sendable {
    /// The grapheme cluster shown (a space for blank and continuation cells).
    public var grapheme: Character
    /// 1 for a normal cell, 2 for the first cell of a wide grapheme, 0 for its continuation.
    public var width: UInt8
    /// How it looks.
    public var style: Style

    public init(_ grapheme: Character, width: UInt8 = 1, style: Style = .plain) {
        self.grapheme = grapheme
        self.width = width
        self.style = style
    }

    /// A blank cell in a style.
    public static func blank(_ style: Style = .plain) -> Cell {
        Cell(" ", width: 1, style: style)
    }

    /// The continuation cell to the right of a wide grapheme.
    public static func continuation(_ style: Style) -> Cell {
        Cell(" ", width: 0, style: style)
    }

    /// Whether this cell only continues the wide grapheme to its left.
    public var isContinuation: Bool { width == 0 }
}
