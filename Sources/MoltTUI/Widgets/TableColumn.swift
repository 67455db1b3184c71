/// A table column: its heading, how wide it is, and how its cells are aligned.
public struct TableColumn: Hashable, Sendable {
    public var title: String
    public var width: ColumnWidth
    public var alignment: TextAlignment

    public init(_ title: String, width: ColumnWidth, alignment: TextAlignment = .left) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }

    /// The widths of `columns` in `totalWidth` cells with `gap` blank cells between columns.
    ///
    /// Fixed columns get their width; flexible ones get their minimum and share what is left by weight. When
    /// even that does not fit, columns on the right shrink and then disappear (width 0).
    public static func widths(_ columns: [TableColumn], totalWidth: Int, gap: Int = 1) -> [Int] {
        guard !columns.isEmpty else { return [] }
        var widths = columns.map { column -> Int in
            switch column.width {
            case .fixed(let width): width
            case .flexible(let minimum, _): minimum
            }
        }
        let available = totalWidth - gap * (columns.count - 1)
        let spare = available - widths.reduce(0, +)
        let weights = columns.map { column -> Int in
            if case .flexible(_, let weight) = column.width { return max(weight, 0) }
            return 0
        }
        let totalWeight = weights.reduce(0, +)
        if spare > 0, totalWeight > 0 {
            var given = 0
            for index in columns.indices where weights[index] > 0 {
                let share = spare * weights[index] / totalWeight
                widths[index] += share
                given += share
            }
            if let last = columns.indices.last(where: { weights[$0] > 0 }) { widths[last] += spare - given }
        }
        var start = 0
        for index in widths.indices {
            let room = max(totalWidth - start, 0)
            widths[index] = min(widths[index], room)
            start += widths[index] + gap
        }
        return widths
    }
}

/// How wide a column is.
public enum ColumnWidth: Hashable, Sendable {
    /// Exactly this many cells.
    case fixed(Int)
    /// At least `minimum` cells, plus a share of the spare room proportional to `weight`.
    case flexible(minimum: Int, weight: Int)
}

/// Which column a table is sorted by, and in which direction.
public struct TableSort: Hashable, Sendable {
    public var column: Int
    public var ascending: Bool

    public init(column: Int, ascending: Bool) {
        self.column = column
        self.ascending = ascending
    }

    /// The indicator drawn after the sorted column's heading.
    public var indicator: Character { ascending ? "▲" : "▼" }
}

/// One table cell's text and meaning (colour).
public struct TableCell: Hashable, Sendable, ExpressibleByStringLiteral {
    public var text: String
    public var role: StyleRole

    public init(_ text: String, role: StyleRole = .normal) {
        self.text = text
        self.role = role
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }
}
