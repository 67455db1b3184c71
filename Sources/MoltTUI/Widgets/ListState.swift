/// The state of a list screen: the rows loaded, the ones shown (filtered and sorted, as indexes into
/// `rows`), the selection, the `/` filter, the sort, and whether a load is in flight or failed.
///
/// Rows are only ever replaced or appended, never changed in place, so moving the selection never copies
/// them: a list of 100 000 workflows costs a key press what a list of 20 does. Filtering goes through a
/// `SearchIndex` built when rows arrive.
public struct ListState<Row: Equatable & Sendable>: Equatable, Sendable {
    public private(set) var rows: [Row]
    /// Indexes into `rows` of the rows shown, in display order.
    public private(set) var visible: [Int]
    public var viewport: TableViewport
    public private(set) var filter: String
    public private(set) var sort: TableSort?
    /// A load is in flight.
    public var isLoading: Bool
    /// A load has finished at least once (so an empty list means "none", not "not yet").
    public var hasLoaded: Bool
    /// The last load's failure, shown where the rows would be.
    public var failure: ConsoleFailure?
    private var index: SearchIndex

    public init(sort: TableSort? = nil) {
        rows = []
        visible = []
        viewport = TableViewport()
        filter = ""
        self.sort = sort
        isLoading = false
        hasLoaded = false
        failure = nil
        index = SearchIndex([String]())
    }

    /// A list already holding `rows` (tests, snapshots).
    public init(rows: [Row], spec: ListSpec<Row>, sort: TableSort? = nil) {
        self.init(sort: sort)
        replace(rows, spec: spec)
    }

    public static func == (lhs: ListState, rhs: ListState) -> Bool {
        lhs.rows == rhs.rows && lhs.visible == rhs.visible && lhs.viewport == rhs.viewport
            && lhs.filter == rhs.filter && lhs.sort == rhs.sort && lhs.isLoading == rhs.isLoading
            && lhs.hasLoaded == rhs.hasLoaded && lhs.failure == rhs.failure
    }

    /// The selected row, if any.
    public var selected: Row? {
        visible.isEmpty ? nil : rows[visible[min(viewport.selected, visible.count - 1)]]
    }

    /// The number of rows shown.
    public var count: Int { visible.count }

    /// The row shown at display position `position`.
    public func row(at position: Int) -> Row { rows[visible[position]] }

    /// Replaces every row (a fresh load); the selection stays on the same row (by `spec.id`) when it is
    /// still there.
    public mutating func replace(_ newRows: [Row], spec: ListSpec<Row>) {
        let selectedID = selected.map(spec.id)
        rows = newRows
        index = SearchIndex(newRows.map(spec.searchText))
        hasLoaded = true
        isLoading = false
        failure = nil
        recompute(spec: spec, keeping: selectedID)
    }

    /// Adds rows at the end (the next page); the selection stays where it is.
    public mutating func append(_ more: [Row], spec: ListSpec<Row>) {
        let selectedID = selected.map(spec.id)
        rows += more
        index.append(contentsOf: more.map(spec.searchText))
        isLoading = false
        failure = nil
        recompute(spec: spec, keeping: selectedID)
    }

    /// Sets the `/` filter; the selection goes to the first match.
    public mutating func setFilter(_ text: String, spec: ListSpec<Row>) {
        let narrowing = !filter.isEmpty && text.hasPrefix(filter) && sort == nil
        let candidates = narrowing ? visible : nil
        filter = text
        if sort == nil {
            visible = index.matches(text, among: candidates)
        } else {
            recompute(spec: spec, keeping: nil)
        }
        viewport = TableViewport()
    }

    /// Sorts by the next sortable column (`o`).
    public mutating func cycleSort(spec: ListSpec<Row>) {
        guard spec.sortableColumns > 0 else { return }
        let next = sort.map { ($0.column + 1) % spec.sortableColumns } ?? 0
        setSort(TableSort(column: next, ascending: sort?.ascending ?? true), spec: spec)
    }

    /// Reverses the sort (`O`).
    public mutating func reverseSort(spec: ListSpec<Row>) {
        guard spec.sortableColumns > 0 else { return }
        let current = sort ?? TableSort(column: 0, ascending: true)
        setSort(TableSort(column: current.column, ascending: !current.ascending), spec: spec)
    }

    /// Sorts by `sort`, keeping the selected row selected.
    public mutating func setSort(_ sort: TableSort?, spec: ListSpec<Row>) {
        let selectedID = selected.map(spec.id)
        self.sort = sort
        recompute(spec: spec, keeping: selectedID)
    }

    /// Moves the selection.
    public mutating func navigate(_ navigation: Navigation, pageSize: Int) {
        viewport.navigate(navigation, rowCount: visible.count, pageSize: pageSize)
    }

    /// Whether the selection is within `margin` rows of the end (time to load the next page).
    public func isNearEnd(margin: Int) -> Bool {
        visible.count - viewport.selected <= margin
    }

    private mutating func recompute(spec: ListSpec<Row>, keeping id: String?) {
        var shown = index.matches(filter)
        if let sort {
            let rows = rows
            shown.sort { left, right in
                let order = spec.compare(rows[left], rows[right], sort.column)
                if order == 0 { return left < right }
                return sort.ascending ? order < 0 : order > 0
            }
        }
        visible = shown
        if let id, let position = visible.firstIndex(where: { spec.id(rows[$0]) == id }) {
            viewport.selected = position
        }
        viewport.selected = min(max(viewport.selected, 0), max(visible.count - 1, 0))
    }
}

/// How a list's rows are identified, searched and compared: given by each list screen.
public struct ListSpec<Row: Sendable>: Sendable {
    /// A stable identity (to keep the selection across reloads).
    public var id: @Sendable (Row) -> String
    /// The text `/` searches (case-insensitive substring).
    public var searchText: @Sendable (Row) -> String
    /// How many columns `o` cycles through (0: not sortable).
    public var sortableColumns: Int
    /// Compares two rows by a column: negative, zero or positive.
    public var compare: @Sendable (Row, Row, Int) -> Int

    public init(
        id: @escaping @Sendable (Row) -> String, searchText: @escaping @Sendable (Row) -> String,
        sortableColumns: Int = 0, compare: @escaping @Sendable (Row, Row, Int) -> Int = { _, _, _ in 0 }
    ) {
        self.id = id
        self.searchText = searchText
        self.sortableColumns = sortableColumns
        self.compare = compare
    }

    /// Compares two comparable values: -1, 0 or 1.
    public static func order<T: Comparable>(_ left: T, _ right: T) -> Int {
        left < right ? -1 : (left > right ? 1 : 0)
    }
}
