import Foundation

/// The Health screen's state: the server, every check run so far, and how the table of checks is viewed.
public struct HealthState: Hashable, Sendable {
    /// The server's base URL.
    public var serverURL: String
    /// Checks, oldest first (at most `HealthState.historyLimit`).
    public private(set) var checks: [HealthCheckRecord]
    /// The number the next check gets.
    public private(set) var nextNumber: Int
    /// Whether a check is in flight.
    public var isChecking: Bool
    /// The checks table's selection and scroll.
    public var viewport: TableViewport
    /// The `/` filter.
    public private(set) var filter: String
    /// The table's sort.
    public private(set) var sort: TableSort
    /// Which pane has the focus.
    public var focus: HealthPane
    /// The response pane's scroll.
    public var responseScroll: ScrollPosition
    /// The rows shown, as indexes into `checks`, filtered and sorted.
    public private(set) var rows: [Int]

    /// How many checks are kept.
    public static let historyLimit = 500

    public init(serverURL: String) {
        self.serverURL = serverURL
        self.checks = []
        self.nextNumber = 1
        self.isChecking = false
        self.viewport = TableViewport()
        self.filter = ""
        self.sort = TableSort(column: HealthTable.numberColumn, ascending: false)
        self.focus = .checks
        self.responseScroll = ScrollPosition()
        self.rows = []
    }

    /// The latest check, if any.
    public var latest: HealthCheckRecord? { checks.last }

    /// The selected check, if any.
    public var selected: HealthCheckRecord? {
        rows.isEmpty ? nil : checks[rows[min(viewport.selected, rows.count - 1)]]
    }

    /// Adds a finished check (numbered). A selection on the first row stays there (following the newest
    /// check); any other selection stays on the same check.
    public mutating func record(_ result: HealthCheckResult) {
        let selectedNumber = viewport.selected == 0 ? nil : selected?.number
        checks.append(HealthCheckRecord(number: nextNumber, result: result))
        nextNumber += 1
        if checks.count > Self.historyLimit { checks.removeFirst(checks.count - Self.historyLimit) }
        recomputeRows(keeping: selectedNumber)
    }

    /// Sets the filter and resets the selection to the first match.
    public mutating func setFilter(_ text: String) {
        filter = text
        recomputeRows(keeping: nil)
        viewport = TableViewport()
    }

    /// Sets the sort, keeping the selected check selected.
    public mutating func setSort(_ sort: TableSort) {
        let selectedNumber = selected?.number
        self.sort = sort
        recomputeRows(keeping: selectedNumber)
    }

    private mutating func recomputeRows(keeping number: Int?) {
        let needle = filter.lowercased()
        var indexes = checks.indices.filter { needle.isEmpty || HealthTable.matches(checks[$0], needle) }
        let column = sort.column
        let ascending = sort.ascending
        indexes.sort { left, right in
            let order = HealthTable.compare(checks[left], checks[right], column: column)
            if order == 0 { return ascending ? left < right : left > right }
            return ascending ? order < 0 : order > 0
        }
        rows = indexes
        if let number, let row = rows.firstIndex(where: { checks[$0].number == number }) {
            viewport.selected = row
        }
    }
}

/// One check on the Health screen: its number and result.
public struct HealthCheckRecord: Hashable, Sendable {
    public var number: Int
    public var result: HealthCheckResult

    public init(number: Int, result: HealthCheckResult) {
        self.number = number
        self.result = result
    }
}

/// The Health screen's panes.
public enum HealthPane: Hashable, Sendable {
    case checks, response
}

/// What happens on the Health screen.
public enum HealthMessage: Hashable, Sendable {
    /// `r`, the auto-refresh timer, or the screen appearing: check now.
    case checkRequested
    /// A check's result arrived.
    case checkFinished(HealthCheckResult)
    /// A movement key in the focused pane.
    case navigated(Navigation)
    /// `s`: sort by the next column.
    case sortColumnCycled
    /// `S`: reverse the sort.
    case sortDirectionToggled
    /// The `/` filter changed.
    case filterChanged(String)
    /// `tab`/`shift-tab`: the other pane.
    case paneSwitched
    /// `enter`: open the selected check.
    case checkOpened
    /// `y`: copy the server URL.
    case serverURLCopied
}
