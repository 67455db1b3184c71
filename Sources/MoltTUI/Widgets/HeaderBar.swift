/// The two header rows: who and where (app, mode, identity, server, read-only badge, spinner), then the
/// breadcrumbs of the screens opened so far and the active filter.
public struct HeaderBar: Sendable {
    public var mode: String
    public var identity: String
    public var server: String
    public var isReadOnly: Bool
    public var breadcrumbs: [String]
    /// The current spinner frame, or nil when nothing is in flight.
    public var spinner: Character?
    /// The screen's filter, shown at the right of the breadcrumbs.
    public var filter: String?

    public init(
        mode: String, identity: String, server: String, isReadOnly: Bool, breadcrumbs: [String],
        spinner: Character? = nil, filter: String? = nil
    ) {
        self.mode = mode
        self.identity = identity
        self.server = server
        self.isReadOnly = isReadOnly
        self.breadcrumbs = breadcrumbs
        self.spinner = spinner
        self.filter = filter
    }

    /// Rows the header takes.
    public static let height = 2

    public func render(in rect: Rect, on screen: inout Screen, theme: Theme) {
        guard rect.height >= 1, rect.width > 0 else { return }
        let header = theme.style(.header)
        let accent = theme.style(.headerAccent)
        screen.fill(rect.row(0), style: header)
        var right = ""
        if isReadOnly { right += " READ-ONLY" }
        if let spinner { right += " \(spinner)" }
        right += " "
        let rightWidth = DisplayWidth.of(right)
        let leftLimit = rect.maxX - rightWidth
        var column = screen.write(" molt ", row: rect.y, column: rect.x, style: accent, maxWidth: leftLimit - rect.x)
        let details = "│ \(mode) │ \(identity) │ \(server)"
        let room = leftLimit - column - 1
        if room > 0 {
            column = screen.write(
                TextLayout.truncate(details, toWidth: room), row: rect.y, column: column, style: header)
        }
        if rightWidth < rect.width {
            screen.write(right, row: rect.y, column: leftLimit, style: accent)
        }
        guard rect.height >= 2 else { return }
        let crumbsRow = rect.row(1)
        screen.fill(crumbsRow, style: theme.style(.normal))
        var filterText = ""
        if let filter, !filter.isEmpty { filterText = " /\(filter) " }
        let filterWidth = min(DisplayWidth.of(filterText), rect.width / 2)
        var crumbColumn = rect.x + 1
        let crumbLimit = rect.maxX - filterWidth - 1
        for (index, crumb) in breadcrumbs.enumerated() {
            let isLast = index == breadcrumbs.count - 1
            let text = isLast ? crumb : crumb + " › "
            let style = theme.style(isLast ? .title : .breadcrumb)
            let room = crumbLimit - crumbColumn
            guard room > 0 else { break }
            crumbColumn = screen.write(
                TextLayout.truncate(text, toWidth: room), row: crumbsRow.y, column: crumbColumn, style: style)
        }
        if filterWidth > 0 {
            screen.write(
                TextLayout.truncate(filterText, toWidth: filterWidth), row: crumbsRow.y,
                column: rect.maxX - filterWidth, style: theme.style(.input))
        }
    }
}
