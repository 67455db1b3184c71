/// The table `molt bench` measures: workflow-like rows (id, name, status, queue, created), filtered with a
/// `SearchIndex`, shown with `TableView` inside the header and footer a real screen has.
struct BenchmarkTable {
    struct Row {
        var id: String
        var name: String
        var status: String
        var queue: String
        var created: String
    }

    private(set) var rows: [Row]
    private var index: SearchIndex
    private var filter = ""
    private var visible: [Int]
    private var viewport = TableViewport()

    static let statuses = ["PENDING", "SUCCESS", "ERROR", "CANCELLED", "ENQUEUED", "RETRIES_EXCEEDED"]
    static let names = ["registerAgent", "grantPermission", "signRequest", "reindexDiary", "issueVoucher"]

    init(rows count: Int) {
        var rows: [Row] = []
        rows.reserveCapacity(count)
        for number in 0..<count {
            let status = Self.statuses[(number * 7) % Self.statuses.count]
            rows.append(
                Row(
                    id: "\(status.lowercased())-\(String(number, radix: 16))-4a1c-9e2b-\(number % 9973)",
                    name: Self.names[number % Self.names.count], status: status, queue: "queue-\(number % 12)",
                    created: "2026-11-\(10 + number % 18)T\(10 + number % 12):\(10 + number % 50):00Z"))
        }
        self.rows = rows
        self.index = SearchIndex(rows.lazy.map { "\($0.id) \($0.name) \($0.status) \($0.queue)" })
        self.visible = Array(0..<count)
    }

    var visibleCount: Int { visible.count }

    mutating func navigate(_ navigation: Navigation, pageSize: Int) {
        viewport.navigate(navigation, rowCount: visible.count, pageSize: pageSize)
    }

    mutating func setFilter(_ text: String) {
        let narrowing = !filter.isEmpty && text.hasPrefix(filter)
        visible = index.matches(text, among: narrowing ? visible : nil)
        filter = text
        viewport = TableViewport()
    }

    static let columns = [
        TableColumn("ID", width: .flexible(minimum: 20, weight: 2)),
        TableColumn("Name", width: .flexible(minimum: 12, weight: 1)),
        TableColumn("Status", width: .fixed(16)),
        TableColumn("Queue", width: .fixed(9)),
        TableColumn("Created", width: .fixed(20)),
    ]

    func render(size: TerminalSize) -> Screen {
        let theme = Theme.colour
        var screen = Screen(size: size)
        let layout = AppLayout(size: size, showsBanner: false)
        HeaderBar(
            mode: "operator", identity: "bench", server: "http://127.0.0.1:8000", isReadOnly: false,
            breadcrumbs: ["Workflows"], filter: filter
        ).render(in: layout.header, on: &screen, theme: theme)
        let inside = Panel(title: "Workflows", note: viewport.positionText(rowCount: visible.count))
            .render(in: layout.body, on: &screen, theme: theme)
        let rows = rows
        let visible = visible
        TableView(
            columns: Self.columns, rowCount: visible.count, viewport: viewport,
            sort: TableSort(column: 4, ascending: false)
        ) { row, column in
            let item = rows[visible[row]]
            switch column {
            case 0: return TableCell(item.id)
            case 1: return TableCell(item.name)
            case 2: return TableCell(item.status, role: item.status == "ERROR" ? .error : .normal)
            case 3: return TableCell(item.queue)
            default: return TableCell(item.created, role: .muted)
            }
        }.render(in: inside, on: &screen, theme: theme)
        FooterHints(hints: [KeyHint(keys: "q", footerKey: "q", label: "quit", footer: "quit", group: .global)])
            .render(in: layout.footer, on: &screen, theme: theme)
        return screen
    }
}
