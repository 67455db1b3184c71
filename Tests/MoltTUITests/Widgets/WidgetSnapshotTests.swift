import Foundation
import MoltTestSupport
import Testing

@testable import MoltTUI

/// Every widget drawn at 80x24 and 120x40, in colour and monochrome (`NO_COLOR`), against golden files.
@Suite("Widget snapshots")
struct WidgetSnapshotTests {
    static let variants: [(TerminalSize, Theme)] = [
        (TerminalSize(columns: 80, rows: 24), .colour), (TerminalSize(columns: 120, rows: 40), .colour),
        (TerminalSize(columns: 80, rows: 24), .monochrome), (TerminalSize(columns: 120, rows: 40), .monochrome),
    ]

    /// Draws with `draw` on a blank screen of each variant and compares with `<name>-<size>-<theme>`.
    func check(
        _ name: String, sourceLocation: SourceLocation = #_sourceLocation, draw: (inout Screen, Rect, Theme) -> Void
    ) {
        for (size, theme) in Self.variants {
            var screen = Screen(size: size)
            draw(&screen, Rect(size: size), theme)
            assertSnapshot(screen.snapshot, named: "\(name)-\(size)-\(theme.name)", sourceLocation: sourceLocation)
        }
    }

    @Test("header bar: mode, identity, server, read-only, spinner, breadcrumbs, filter")
    func headerBar() {
        check("header") { screen, rect, theme in
            HeaderBar(
                mode: "agent", identity: "A1B2-C3D4-E5F6-0718", server: "https://api.themolt.net", isReadOnly: true,
                breadcrumbs: ["Diaries", "日記 of Ada 📓", "Entry #12"], spinner: Spinner.frame(3), filter: "err"
            ).render(in: rect.splitTop(2).top, on: &screen, theme: theme)
        }
    }

    @Test("footer hints with pinned help and quit")
    func footer() {
        let hints = [
            KeyHint(keys: "enter", footerKey: "enter", label: "open", footer: "open", group: .actions),
            KeyHint(keys: "d", footerKey: "d", label: "delete", footer: "delete", group: .actions),
            KeyHint(keys: "s", footerKey: "s", label: "sort", footer: "sort", group: .view),
            KeyHint(keys: "/", footerKey: "/", label: "filter", footer: "filter", group: .global),
            KeyHint(keys: "r", footerKey: "r", label: "refresh", footer: "refresh", group: .global),
            KeyHint(keys: "tab", footerKey: "tab", label: "next pane", footer: "pane", group: .global),
            KeyHint(keys: ":", footerKey: ":", label: "command", footer: "cmd", group: .global),
            KeyHint(keys: "x", footerKey: "x", label: "no footer", footer: nil, group: .actions),
        ]
        let pinned = [
            KeyHint(keys: "?", footerKey: "?", label: "help", footer: "help", group: .global),
            KeyHint(keys: "q", footerKey: "q", label: "quit", footer: "quit", group: .global),
        ]
        check("footer") { screen, rect, theme in
            FooterHints(hints: hints, pinned: pinned).render(in: rect.splitBottom(1).bottom, on: &screen, theme: theme)
        }
    }

    @Test("flash lines: success, information and a problem's title and detail")
    func flashLines() {
        check("flash") { screen, rect, theme in
            FlashLine(flash: Flash(.success, "Invitation accepted")).render(in: rect.row(0), on: &screen, theme: theme)
            FlashLine(flash: Flash(.info, "3 new entries")).render(in: rect.row(1), on: &screen, theme: theme)
            FlashLine(
                flash: .problem(
                    title: "Forbidden", detail: "you are not a writer of diary “日記” and cannot add entries to it")
            )
            .render(in: rect.row(2), on: &screen, theme: theme)
        }
    }

    @Test("backend banner: countdown and retrying")
    func banner() {
        let now = ConsoleFixtures.now
        let outage = BackendOutage(
            reason: "connection refused", since: now, attempt: 2, nextRetry: now.addingTimeInterval(3.2),
            isRetrying: false)
        check("banner") { screen, rect, theme in
            BackendBanner(outage: outage, now: now, spinner: nil).render(in: rect.row(0), on: &screen, theme: theme)
            var retrying = outage
            retrying.isRetrying = true
            BackendBanner(outage: retrying, now: now, spinner: Spinner.frame(1)).render(
                in: rect.row(2), on: &screen, theme: theme)
        }
    }

    @Test("table: alignment, widths, sort indicator, selection, scrolling window, wide characters")
    func table() {
        let columns = [
            TableColumn("#", width: .fixed(4), alignment: .right),
            TableColumn("Title", width: .flexible(minimum: 10, weight: 2)),
            TableColumn("Owner", width: .flexible(minimum: 8, weight: 1)),
            TableColumn("Status", width: .fixed(10), alignment: .center),
            TableColumn("Entries", width: .fixed(8), alignment: .right),
        ]
        let titles = [
            "Research notes", "日本語の日記", "Emoji 🧪 lab log", "A very long diary title that will not fit anywhere",
        ]
        check("table") { screen, rect, theme in
            let inside = Panel(title: "Diaries", note: "13/60").render(in: rect, on: &screen, theme: theme)
            TableView(
                columns: columns, rowCount: 60, viewport: TableViewport(selected: 12, offset: 5),
                sort: TableSort(column: 1, ascending: true)
            ) { row, column in
                switch column {
                case 0: return TableCell("\(row + 1)")
                case 1: return TableCell(titles[row % titles.count])
                case 2: return TableCell(row % 2 == 0 ? "ada" : "李雷", role: .muted)
                case 3: return row % 5 == 0 ? TableCell("private", role: .warning) : TableCell("public", role: .success)
                default: return TableCell("\(row * 37 % 1000)")
                }
            }.render(in: inside, on: &screen, theme: theme)
        }
    }

    @Test("table without rows shows its empty text")
    func emptyTable() {
        check("table-empty") { screen, rect, theme in
            TableView(
                columns: HealthTable.columns, rowCount: 0, viewport: TableViewport(), emptyText: "No diaries yet."
            ) {
                _, _ in TableCell("never")
            }.render(in: rect, on: &screen, theme: theme)
        }
    }

    @Test("text view wraps paragraphs and scrolls")
    func textView() {
        let paragraphs =
            [
                TextView.Paragraph("Entry #12 · reflection · importance 7", role: .title),
                TextView.Paragraph(
                    String(repeating: "Agents keep diaries as their memory; entries are searchable. ", count: 6)),
                TextView.Paragraph(""),
                TextView.Paragraph("混合テキスト: 日本語の文章が折り返されます。" + String(repeating: "長い文章。", count: 12)),
            ] + (1...40).map { TextView.Paragraph("line \($0)", role: .muted) }
        check("text-view") { screen, rect, theme in
            TextView(paragraphs: paragraphs, scroll: ScrollPosition(offset: 2))
                .render(in: rect.insetBy(dx: 2, dy: 1), on: &screen, theme: theme)
        }
    }

    @Test("filter input line with its cursor")
    func filterLine() {
        var editor = LineEditor("pending 日本")
        _ = editor.handle(.left)
        check("filter-line") { screen, rect, theme in
            screen.cursor = editor.render(prompt: "/", in: rect.splitBottom(2).bottom.row(0), on: &screen, theme: theme)
        }
    }

    @Test("command line with completions")
    func commandLine() {
        let names = [
            CommandName("diaries", aliases: ["d"], summary: "your diaries"),
            CommandName("dbos", summary: "workflow tables"),
            CommandName("health", aliases: ["h"], summary: "server health"),
        ]
        var commandLine = CommandLineState(names: names)
        _ = commandLine.handle(.character("d"), names: names, history: [])
        check("command-line") { screen, rect, theme in
            screen.cursor = commandLine.render(
                in: rect.splitBottom(2).bottom.row(0), maximumRows: 8, on: &screen, theme: theme)
        }
    }

    @Test("help overlay, filtered")
    func helpOverlay() {
        let hints = KeyBinding<Int>.navigation { _ in 0 }.map(\.hint) + AppCore.globalKeyReference
        var help = HelpOverlayState()
        help.filter = "page"
        check("help-overlay") { screen, rect, theme in
            help.render(title: "Diaries", hints: hints, in: rect, on: &screen, theme: theme)
        }
    }

    @Test("confirmation dialog before a destructive action")
    func confirmDialog() {
        let request = ConfirmRequest(
            title: "Delete diary?", body: "Delete “日記 of Ada” and its 42 entries? This cannot be undone.",
            confirmLabel: "Delete", isDestructive: true, message: 1)
        check("confirm") { screen, rect, theme in
            ConfirmDialogState(request).render(in: rect, on: &screen, theme: theme)
        }
    }

    @Test("multi-line editor with soft wrapping and a cursor")
    func textEditor() {
        var editor = TextEditor("Today I learned that 日本語 wraps at cell boundaries.\n\nSecond paragraph ✓")
        _ = editor.handle(.up, width: 30, height: 10)
        check("text-editor") { screen, rect, theme in
            let inside = Panel(title: "New entry").render(in: rect.insetBy(dx: 4, dy: 2), on: &screen, theme: theme)
            screen.cursor = editor.render(in: inside, on: &screen, theme: theme)
        }
    }

    @Test("terminal too small message")
    func tooSmall() {
        check("too-small") { screen, rect, theme in
            TooSmallMessage(size: rect.size, minimum: TerminalSize(columns: 200, rows: 50)).render(
                on: &screen, theme: theme)
        }
    }
}

extension Rect {
    var size: TerminalSize { TerminalSize(columns: width, rows: height) }
}
