import Foundation
public import MoltCore

/// The public feed's state: entries of public diaries (newest first, page by page), or the results of a
/// public search; a tag filter.
public struct FeedState: Equatable, Sendable {
    public var list: ListState<PublicFeedEntry>
    public var nextCursor: String?
    /// The public search shown instead of the feed, if any.
    public var search: String?
    public var tag: String?
    public var form: FormState<FeedForm>?

    public init(search: String? = nil) {
        list = ListState()
        nextCursor = nil
        self.search = search
        tag = nil
        form = nil
    }
}

/// What a feed form does.
public enum FeedForm: Equatable, Sendable {
    case search, tag
}

/// What happens on the public feed.
public enum FeedMessage: Equatable, Sendable {
    case refreshRequested
    case loaded(Result<PublicFeedResponse, ConsoleFailure>, appending: Bool)
    case searched(Result<[PublicFeedEntry], ConsoleFailure>)
    case moreRequested
    case navigated(Navigation)
    case filterChanged(String)
    case sortCycled
    case sortReversed
    case searchRequested
    case tagRequested
    case cleared
    case formKey(Key)
    case opened
    case idCopied
}

/// The public feed: entries of public diaries with their author, no sign-in needed. `s` searches them
/// (hybrid search in public mode), `t` keeps one tag, `x` goes back to the plain feed; the next page loads
/// as the selection nears the end; `enter` opens an entry.
public struct FeedFeature: Feature {
    let service: any MoltService

    public init(service: any MoltService) {
        self.service = service
    }

    static let spec = ListSpec<PublicFeedEntry>(
        id: { $0.id.description },
        searchText: {
            "\($0.title ?? "") \($0.author.fingerprint) \(($0.tags ?? []).joined(separator: " ")) \($0.content)"
        },
        sortableColumns: 3,
        compare: { left, right, column in
            switch column {
            case 0: ListSpec<PublicFeedEntry>.order(left.createdAt, right.createdAt)
            case 1: ListSpec<PublicFeedEntry>.order(left.author.fingerprint, right.author.fingerprint)
            default: ListSpec<PublicFeedEntry>.order(FeedFeature.heading(left), FeedFeature.heading(right))
            }
        })

    static func heading(_ entry: PublicFeedEntry) -> String {
        if let title = entry.title, !title.isEmpty { return title }
        return Format.firstLine(entry.content)
    }

    public func title(_ state: FeedState) -> String { state.search == nil ? "Public feed" : "Public search" }

    public func bindings(_ state: FeedState, _ context: FeatureContext) -> [KeyBinding<FeedMessage>] {
        var bindings =
            KeyBinding.navigation { FeedMessage.navigated($0) }
            + [
                KeyBinding([.enter], "open the entry", footer: "open", message: .opened),
                KeyBinding([.character("s")], "search public entries", footer: "search", message: .searchRequested),
                KeyBinding(
                    [.character("t")], "only entries with a tag", footer: "tag", group: .view, message: .tagRequested),
            ]
        if state.search != nil || state.tag != nil {
            bindings.append(
                KeyBinding(
                    [.character("x")], "back to the whole feed", footer: "clear", group: .view, message: .cleared))
        }
        return bindings + [.copy("the entry id", message: .idCopied)]
            + KeyBinding.sorting(next: .sortCycled, reverse: .sortReversed)
    }

    public func update(_ state: inout FeedState, _ message: FeedMessage, _ context: FeatureContext)
        -> [Effect<FeedMessage>]
    {
        let service = service
        let pageSize = ListView<PublicFeedEntry>.pageSize(forPanelHeight: context.bodySize.rows)
        switch message {
        case .refreshRequested:
            state.list.isLoading = true
            if let query = state.search {
                return [.call("load", { try await service.searchPublicFeed(query) }, then: FeedMessage.searched)]
            }
            let tag = state.tag
            return [
                .call(
                    "load", { try await service.publicFeed(cursor: nil, tag: tag) },
                    then: { FeedMessage.loaded($0, appending: false) })
            ]
        case .moreRequested:
            guard state.search == nil, let cursor = state.nextCursor, !state.list.isLoading else { return [] }
            state.list.isLoading = true
            let tag = state.tag
            return [
                .call(
                    "load", { try await service.publicFeed(cursor: cursor, tag: tag) },
                    then: { FeedMessage.loaded($0, appending: true) })
            ]
        case .loaded(.success(let page), let appending):
            if appending {
                state.list.append(page.items, spec: Self.spec)
            } else {
                state.list.replace(page.items, spec: Self.spec)
            }
            state.nextCursor = page.nextCursor
            return [.reachable]
        case .searched(.success(let entries)):
            state.list.replace(entries, spec: Self.spec)
            state.nextCursor = nil
            return [.reachable]
        case .loaded(.failure(let failure), _), .searched(.failure(let failure)):
            state.list.isLoading = false
            state.list.failure = failure
            return Effect.report(failure)
        case .navigated(let navigation):
            state.list.navigate(navigation, pageSize: pageSize)
            return state.list.isNearEnd(margin: pageSize) ? update(&state, .moreRequested, context) : []
        case .filterChanged(let text):
            state.list.setFilter(text, spec: Self.spec)
            return []
        case .sortCycled:
            state.list.cycleSort(spec: Self.spec)
            return []
        case .sortReversed:
            state.list.reverseSort(spec: Self.spec)
            return []
        case .searchRequested:
            state.form = FormState(
                title: "Search public entries", purpose: .search, fields: [.text("Query", state.search ?? "")],
                submitLabel: "Search", note: "2 to 200 characters; words, \"phrases\", -excluded")
            return []
        case .tagRequested:
            state.form = FormState(
                title: "Only entries tagged", purpose: .tag, fields: [.text("Tag", state.tag ?? "")],
                submitLabel: "Filter")
            return []
        case .cleared:
            state.search = nil
            state.tag = nil
            state.list.viewport = TableViewport()
            return update(&state, .refreshRequested, context)
        case .formKey(let key):
            guard var form = state.form else { return [] }
            switch form.handle(key) {
            case .edited:
                state.form = form
                return []
            case .cancelled:
                state.form = nil
                return []
            case .submitted:
                let text = form.fields.first?.value.trimmingSpaces ?? ""
                switch form.purpose {
                case .search:
                    guard PublicFeedLimits.queryLength.contains(text.count) else {
                        form.note = "A query has 2 to 200 characters."
                        state.form = form
                        return []
                    }
                    state.search = text
                case .tag:
                    guard text.count <= PublicFeedLimits.tagMaxLength else {
                        form.note = "A tag has at most 50 characters."
                        state.form = form
                        return []
                    }
                    state.tag = text.isEmpty ? nil : text
                    state.search = nil
                }
                state.form = nil
                state.list.viewport = TableViewport()
                return update(&state, .refreshRequested, context)
            }
        case .opened:
            guard let entry = state.list.selected else { return [] }
            return [.command(.push(.document(Self.document(entry))))]
        case .idCopied:
            guard let entry = state.list.selected else { return [] }
            return [.command(.copy(entry.id.description, what: "the entry id"))]
        }
    }

    /// A public entry's full text.
    static func document(_ entry: PublicFeedEntry) -> DocumentState {
        var paragraphs = FactLines.paragraphs([
            ("Author", entry.author.fingerprint.value), ("Public key", entry.author.publicKey),
            ("Created", Format.timestamp(entry.createdAt)),
            ("Tags", (entry.tags ?? []).isEmpty ? "—" : (entry.tags ?? []).joined(separator: ", ")),
            ("Entry", entry.id.description),
        ])
        if entry.injectionRisk {
            paragraphs.append(TextView.Paragraph("⚠ possible prompt injection: read with care", role: .error))
        }
        paragraphs.append(TextView.Paragraph(""))
        paragraphs += entry.content.split(separator: "\n", omittingEmptySubsequences: false).map {
            TextView.Paragraph(String($0))
        }
        return DocumentState(
            title: TextLayout.truncate(heading(entry), toWidth: 30), paragraphs: paragraphs, copyText: entry.content,
            copyWhat: "the content")
    }

    public func render(_ state: FeedState, in rect: Rect, on screen: inout Screen, _ context: FeatureContext) {
        var title = state.search.map { "Public entries matching “\($0)”" } ?? "Public feed"
        if let tag = state.tag { title += " · tag \(tag)" }
        if state.nextCursor != nil { title += " · more below" }
        ListView(
            state.list, title: title,
            columns: [
                TableColumn("Created", width: .fixed(16)),
                TableColumn("Author", width: .fixed(19)),
                TableColumn("Title", width: .flexible(minimum: 12, weight: 3)),
                TableColumn("Tags", width: .flexible(minimum: 6, weight: 1)),
                TableColumn("⚠", width: .fixed(1)),
            ],
            emptyText: state.search == nil ? "No public entry yet." : "No public entry matches.",
            cell: { entry, column in
                switch column {
                case 0: return TableCell(Format.dateTime(entry.createdAt), role: .muted)
                case 1: return TableCell(entry.author.fingerprint.value)
                case 2: return TableCell(Self.heading(entry))
                case 3: return TableCell((entry.tags ?? []).joined(separator: ","), role: .muted)
                default: return entry.injectionRisk ? TableCell("⚠", role: .error) : TableCell("")
                }
            }
        ).render(in: rect, on: &screen, theme: context.theme)
        if let form = state.form { screen.cursor = form.render(in: rect, on: &screen, theme: context.theme) }
    }

    public func appear(_ state: inout FeedState, _ context: FeatureContext) -> [Effect<FeedMessage>] {
        state.list.hasLoaded ? [] : update(&state, .refreshRequested, context)
    }

    public func refreshMessage(_ state: FeedState) -> FeedMessage? { .refreshRequested }
    public func filterText(_ state: FeedState) -> String? { state.list.filter }
    public func filterChanged(_ text: String) -> FeedMessage? { .filterChanged(text) }
    public func capturedKey(_ key: Key, _ state: FeedState) -> FeedMessage? {
        state.form == nil ? nil : .formKey(key)
    }
    public func isBusy(_ state: FeedState) -> Bool { state.list.isLoading }
}
