/// A plain-text table: a header row in capitals and left-aligned columns two spaces apart, for people.
/// Scripts use `--json` instead.
struct Table: Sendable, Equatable {
    var columns: [String]
    var rows: [[String]] = []

    init(_ columns: String...) {
        self.columns = columns
    }

    mutating func add(_ cells: String...) {
        rows.append(cells)
    }

    mutating func add(row cells: [String]) {
        rows.append(cells)
    }

    /// The table's text, one line per row, without trailing spaces.
    var rendered: String {
        let all = [columns.map { $0.uppercased() }] + rows
        var widths = [Int](repeating: 0, count: columns.count)
        for row in all {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        return all.map { row in
            var line = ""
            for (index, cell) in row.enumerated() where index < widths.count {
                if index == row.count - 1 || index == widths.count - 1 {
                    line += cell
                } else {
                    line += cell + String(repeating: " ", count: widths[index] - cell.count + 2)
                }
            }
            return line
        }.joined(separator: "\n") + "\n"
    }
}

/// A key-value block (`Fingerprint:  21FE-…`), for `show` commands.
struct Details: Sendable {
    var pairs: [(String, String)] = []

    mutating func add(_ key: String, _ value: String?) {
        pairs.append((key, value ?? "-"))
    }

    var rendered: String {
        let width = (pairs.map(\.0.count).max() ?? 0) + 1
        return pairs.map { key, value in
            (key + ":").padding(toLength: width + 1, withPad: " ", startingAt: 0) + value
        }.joined(separator: "\n") + "\n"
    }
}
