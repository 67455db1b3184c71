import Foundation
import MoltClient

/// Relation tuples (operator, Keto): `f` asks for namespace, object, relation and subject to list; `c`
/// checks a permission (`Diary:<id>#read@<agent>`: is it allowed?) and shows the answer below the list;
/// `o`/`O` sort by a column.
public struct RelationsFeature: Feature {
    let service: any OperatorService

    public init(service: any OperatorService) {
        self.service = service
    }

    static let namespaces = ["Diary", "DiaryEntry", "Agent"]

    static let spec = ListSpec<KetoRelationTuple>(
        id: { $0.description }, searchText: { $0.description }, sortableColumns: 4,
        compare: { left, right, column in
            switch column {
            case 0: ListSpec<KetoRelationTuple>.order(left.namespace, right.namespace)
            case 1: ListSpec<KetoRelationTuple>.order(left.object, right.object)
            case 2: ListSpec<KetoRelationTuple>.order(left.relation, right.relation)
            default: ListSpec<KetoRelationTuple>.order(left.subject.description, right.subject.description)
            }
        })

    public func title(_ state: RelationsState) -> String { "Relations" }

    public func bindings(_ state: RelationsState, _ context: FeatureContext) -> [KeyBinding<RelationsMessage>] {
        KeyBinding.navigation { RelationsMessage.navigated($0) }
            + [
                KeyBinding(
                    [.character("f")], "which tuples: namespace, object, relation, subject", footer: "query",
                    group: .view, message: .queryRequested),
                KeyBinding([.character("c")], "check a permission", footer: "check", message: .checkRequested),
                .copy("the tuple", message: .tupleCopied),
            ] + KeyBinding.sorting(next: .sortCycled, reverse: .sortReversed)
    }

    public func update(_ state: inout RelationsState, _ message: RelationsMessage, _ context: FeatureContext)
        -> [Effect<RelationsMessage>]
    {
        let service = service
        let query = state.query
        let pageSize = Self.layout(Rect(size: context.bodySize)).pageSize
        switch message {
        case .refreshRequested:
            state.list.isLoading = true
            return [
                .call(
                    "load", { try await service.relationTuples(query, pageToken: nil) },
                    then: { RelationsMessage.loaded($0, appending: false) })
            ]
        case .moreRequested:
            guard let token = state.nextPage, !state.list.isLoading else { return [] }
            state.list.isLoading = true
            return [
                .call(
                    "load", { try await service.relationTuples(query, pageToken: token) },
                    then: { RelationsMessage.loaded($0, appending: true) })
            ]
        case .loaded(.success(let page), let appending):
            if appending {
                state.list.append(page.items, spec: Self.spec)
            } else {
                state.list.replace(page.items, spec: Self.spec)
            }
            state.nextPage = page.nextPageToken
            return [.reachable]
        case .loaded(.failure(let failure), _):
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
        case .queryRequested:
            state.form = FormState(
                title: "Relation tuples", purpose: .query,
                fields: [
                    .choice("Namespace", ["any"] + Self.namespaces, selected: query.namespace ?? "any"),
                    .text("Object", query.object ?? ""), .text("Relation", query.relation ?? ""),
                    .text("Subject id", query.subject.flatMap(Self.subjectID) ?? ""),
                ], submitLabel: "List", note: "empty fields match anything")
            return []
        case .checkRequested:
            let selected = state.list.selected
            state.form = FormState(
                title: "Check a permission", purpose: .check,
                fields: [
                    .choice("Namespace", Self.namespaces, selected: selected?.namespace ?? "Diary"),
                    .text("Object", selected?.object ?? ""), .text("Relation", "read"),
                    .text("Subject id", selected.flatMap { Self.subjectID($0.subject) } ?? ""),
                ], submitLabel: "Check",
                note:
                    "Diary: read, write, manage, owner, writers, readers · DiaryEntry: view, edit, delete · Agent: act_as"
            )
            return []
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
                func optional(_ text: String) -> String? { text.isEmpty ? nil : text }
                let namespace = form.choice("Namespace")
                let subject = optional(form.text("Subject id")).map { KetoSubject.id($0) }
                switch form.purpose {
                case .query:
                    state.form = nil
                    state.query = KetoRelationQuery(
                        namespace: namespace == "any" ? nil : namespace, object: optional(form.text("Object")),
                        relation: optional(form.text("Relation")), subject: subject)
                    state.list.viewport = TableViewport()
                    return update(&state, .refreshRequested, context)
                case .check:
                    guard let subject, !form.text("Object").isEmpty, !form.text("Relation").isEmpty else {
                        form.note = "A check needs an object, a relation and a subject id."
                        state.form = form
                        return []
                    }
                    state.form = nil
                    state.isChecking = true
                    let tuple = KetoRelationTuple(
                        namespace: namespace, object: form.text("Object"), relation: form.text("Relation"),
                        subject: subject)
                    return [
                        .call(
                            "check", { try await service.checkPermission(tuple) },
                            then: { RelationsMessage.checked($0, tuple) })
                    ]
                }
            }
        case .checked(.success(let allowed), let tuple):
            state.isChecking = false
            state.lastCheck = PermissionCheck(tuple: tuple, allowed: allowed)
            return [.reachable]
        case .checked(.failure(let failure), _):
            state.isChecking = false
            return Effect.report(failure)
        case .tupleCopied:
            guard let tuple = state.list.selected else { return [] }
            return [.command(.copy(tuple.description, what: "the tuple"))]
        }
    }

    static func subjectID(_ subject: KetoSubject) -> String? {
        if case .id(let id) = subject { return id }
        return nil
    }

    public func render(_ state: RelationsState, in rect: Rect, on screen: inout Screen, _ context: FeatureContext) {
        let theme = context.theme
        let layout = Self.layout(rect)
        let query = state.query
        let scope = [query.namespace, query.object, query.relation, query.subject?.description].compactMap { $0 }
            .joined(separator: " · ")
        ListView(
            state.list,
            title: "Relation tuples (Keto)" + (scope.isEmpty ? "" : " · \(scope)")
                + (state.nextPage == nil ? "" : " · more below"),
            columns: [
                TableColumn("Namespace", width: .fixed(10)),
                TableColumn("Object", width: .flexible(minimum: 10, weight: 2)),
                TableColumn("Relation", width: .fixed(9)),
                TableColumn("Subject", width: .flexible(minimum: 10, weight: 3)),
            ],
            emptyText: "No tuple matches.",
            cell: { tuple, column in
                switch column {
                case 0: return TableCell(tuple.namespace, role: .title)
                case 1: return TableCell(tuple.object)
                case 2: return TableCell(tuple.relation.isEmpty ? "(none)" : tuple.relation)
                default: return TableCell(tuple.subject.description, role: .muted)
                }
            }
        ).render(in: layout.list, on: &screen, theme: theme)
        let inside = Panel(title: "Permission check", note: "c checks", isFocused: false).render(
            in: layout.check, on: &screen, theme: theme
        )
        .insetBy(dx: 1, dy: 0)
        let line: (String, StyleRole)
        if state.isChecking {
            line = ("checking…", .muted)
        } else if let check = state.lastCheck {
            line = (
                "\(check.allowed ? "✔ allowed" : "✖ denied")  \(check.tuple.description)",
                check.allowed ? .success : .error
            )
        } else {
            line = ("c asks Keto whether a subject has a permission on an object.", .muted)
        }
        screen.write(
            TextLayout.truncate(line.0, toWidth: inside.width), row: inside.y, column: inside.x,
            style: theme.style(line.1), clip: inside)
        if let form = state.form { screen.cursor = form.render(in: rect, on: &screen, theme: theme) }
    }

    static func layout(_ rect: Rect) -> (list: Rect, check: Rect, pageSize: Int) {
        let parts = rect.splitBottom(3)
        return (parts.rest, parts.bottom, ListView<Int>.pageSize(forPanelHeight: parts.rest.height))
    }

    public func appear(_ state: inout RelationsState, _ context: FeatureContext) -> [Effect<RelationsMessage>] {
        state.list.hasLoaded ? [] : update(&state, .refreshRequested, context)
    }

    public func refreshMessage(_ state: RelationsState) -> RelationsMessage? { .refreshRequested }
    public func filterText(_ state: RelationsState) -> String? { state.list.filter }
    public func filterChanged(_ text: String) -> RelationsMessage? { .filterChanged(text) }
    public func capturedKey(_ key: Key, _ state: RelationsState) -> RelationsMessage? {
        state.form == nil ? nil : .formKey(key)
    }
    public func isBusy(_ state: RelationsState) -> Bool { state.list.isLoading || state.isChecking }
}
