import Foundation
import MoltClient
import MoltCore
import Testing

@testable import MoltTUI

/// Entries, one entry, the inline editor, `$EDITOR`, and saving drafts (create, edit, supersede).
@Suite("Entries keys")
struct EntriesKeyTests {
    static func entries(_ state: AppState) -> EntriesState? {
        if case .entries(let entries) = state.topScreen { return entries }
        return nil
    }

    static func editor(_ state: AppState) -> EntryEditorState? {
        if case .entryEditor(let editor) = state.topScreen { return editor }
        return nil
    }

    static func store(molt: any MoltService = StubMoltService()) -> ConsoleTestStore {
        ScreenStores.store(
            [.diaries(AgentScreenSnapshotTests.diaries), .entries(AgentScreenSnapshotTests.entries)], molt: molt)
    }

    @Test("a full page asks for the next one as the selection nears the end; a short page ends the list")
    func paging() {
        var store = ScreenStores.store([.entries(EntriesState(diary: DemoFixtures.research))])
        let page = (0..<50).map { DemoFixtures.entry(200 + $0, "entry \($0)", "content \($0)", age: Double(100 + $0)) }
        store.exercise(
            .screen(
                route: 1,
                .entries(.loaded(.success(DiaryList(items: page, total: 50, limit: 50, offset: 0)), offset: 0))))
        #expect(Self.entries(store.state)?.nextOffset == 50)
        let effects = store.exercise(.keyPressed(.character("G")))
        #expect(effects.map(\.description).contains("run route1/load"))
        #expect(Self.entries(store.state)?.list.isLoading == true)
        let more = Array(page.prefix(3)).map { entry -> DiaryEntry in
            var copy = entry
            copy.id = EntryID(rawValue: DemoFixtures.uuid(Int(entry.accessCount) + 500))
            return copy
        }
        store.exercise(
            .screen(
                route: 1,
                .entries(.loaded(.success(DiaryList(items: more, total: 3, limit: 50, offset: 50)), offset: 50))))
        #expect(Self.entries(store.state)?.list.count == 53)
        #expect(Self.entries(store.state)?.nextOffset == nil)
        #expect(store.exercise(.keyPressed(.character("G"))).isEmpty, "no page after the last")
    }

    @Test("t asks the server for one type at a time, then all again")
    func typeFilter() {
        var store = Self.store()
        var seen: [EntryType?] = []
        for _ in 0...EntryType.knownCases.count {
            store.exercise(.keyPressed(.character("t")))
            seen.append(Self.entries(store.state)?.typeFilter)
        }
        #expect(seen == EntryType.knownCases.map { $0 } + [nil])
    }

    @Test("enter opens the entry; n, e and u open the editor for create, edit and supersede")
    func opening() {
        var store = Self.store()
        store.exercise(.keyPressed(.enter))
        guard case .entry(let entry) = store.state.topScreen else {
            Issue.record("enter did not open the entry")
            return
        }
        #expect(entry.entry == DemoFixtures.entries[0])
        for (key, purpose) in [
            ("n", EntryEditPurpose.create), ("e", .edit(DemoFixtures.entries[0])),
            ("u", .supersede(DemoFixtures.entries[0])),
        ] {
            var store = Self.store()
            store.exercise(.keyPressed(.character(Character(key))))
            #expect(Self.editor(store.state)?.purpose == purpose, "\(key)")
        }
    }

    @Test("N and E hand a draft to $EDITOR; the edited text is saved, an empty one is not")
    func externalEditor() async {
        let molt = StubMoltService()
        var store = Self.store(molt: molt)
        let effects = store.exercise(.keyPressed(.character("E")))
        #expect(effects.map(\.description) == ["edit externally .md"])
        guard case .command(.editExternally(let text, _, let then)) = effects[0] else { return }
        #expect(
            text.hasPrefix("title: Reciprocal rank fusion\ntags: search, rrf\ntype: semantic\nimportance: 8\n---\n"))
        let edited = text.replacingOccurrences(of: "title: Reciprocal rank fusion", with: "title: RRF")
        let saving = store.exercise(then(edited))
        #expect(saving.map(\.description).contains("run route2/save"))
        let saved = await messages(from: saving.first { $0.description == "run route2/save" }!)
        #expect(molt.calls == ["updateEntry \(DemoFixtures.entries[0].id) supersededBy=- title=RRF"])
        store.exercise(saved[0])
        #expect(store.state.flash?.title.hasPrefix("Saved") == true)
        store.exercise(then(nil))
        #expect(store.state.flash?.title == "Nothing saved")
    }

    @Test("D deletes the selected entry after a confirmation")
    func delete() {
        var store = Self.store()
        store.tap(.character("D"))
        guard case .confirm(let dialog) = store.state.overlay else {
            Issue.record("no confirmation")
            return
        }
        #expect(dialog.request.title == "Delete entry?")
        let effects = store.exercise(.keyPressed(.character("y")))
        #expect(effects.map(\.description).contains("run route2/delete"))
    }

    @Test("y copies the entry id; R opens the digest; / filters what is loaded")
    func others() {
        var store = Self.store()
        store.press(.character("y"), effects: ["copy the entry id", "delay app.flash 4.0 seconds"]) {
            $0.flash = Flash(.success, "Copied the entry id (OSC 52)")
            $0.flashSerial = 1
        }
        store.tap(.character("/"), .character("b"), .character("o"), .character("b"))
        #expect(Self.entries(store.state)?.list.count == 1)
        store.exercise(.keyPressed(.escape))
        store.exercise(.keyPressed(.character("R")))
        #expect(store.state.topScreen.kind == .reflect)
    }

    @Test("the editor: tab moves between fields, ←/→ set type and importance, typing edits, ctrl-s saves")
    func editor() async {
        let molt = StubMoltService()
        var store = ScreenStores.store(
            [
                .entries(AgentScreenSnapshotTests.entries),
                .entryEditor(EntryEditorState(diary: DemoFixtures.research, purpose: .create)),
            ],
            molt: molt)
        #expect(Self.editor(store.state)?.focus == .title)
        store.tap(.character("R"), .character("R"), .character("F"), .tab)
        store.tap(.character("s"), .character(","), .character(" "), .character("r"), .tab)
        store.tap(.right, .right, .tab)
        store.tap(.character("9"), .tab)
        #expect(Self.editor(store.state)?.focus == .content)
        store.tap(.character("q"), .character("?"), .enter, .tab, .character("x"))
        let draft = Self.editor(store.state)!.draft
        #expect(
            draft == EntryDraft(title: "RRF", tags: ["s", "r"], type: .reflection, importance: 9, content: "q?\n    x"))
        store.tap(.backTab)
        #expect(Self.editor(store.state)?.focus == .importance)
        let effects = store.exercise(.keyPressed(.control("s")))
        #expect(effects.map(\.description).contains("run route2/save"))
        let saved = await messages(from: effects.first { $0.description == "run route2/save" }!)
        #expect(molt.calls == ["createEntry RRF q?\n    x"])
        store.exercise(saved[0])
        #expect(store.state.topScreen.kind == .entries, "the editor closes after saving")
    }

    @Test("the editor refuses an empty entry and asks before discarding changes")
    func editorGuards() {
        var store = ScreenStores.store([
            .entries(AgentScreenSnapshotTests.entries),
            .entryEditor(EntryEditorState(diary: DemoFixtures.research, purpose: .create)),
        ])
        store.exercise(.keyPressed(.control("s")))
        #expect(Self.editor(store.state)?.problem == "The content is empty.")
        store.tap(.character("x"))
        store.exercise(.keyPressed(.escape))
        guard case .confirm(let dialog) = store.state.overlay else {
            Issue.record("no confirmation")
            return
        }
        #expect(dialog.request.title == "Discard changes?")
        store.exercise(.keyPressed(.character("y")))
        #expect(store.state.topScreen.kind == .entries)
        #expect(store.exercise(.keyPressed(.control("c"))).map(\.description) == ["quit"], "ctrl-c still quits")
    }

    @Test("supersede creates the replacement, then marks the old entry superseded by it")
    func supersede() async throws {
        let molt = StubMoltService()
        let saved = try await molt.save(
            EntryDraft(content: "better"), .supersede(DemoFixtures.entries[4]), in: DemoFixtures.research.id)
        #expect(saved.verb == "Superseded by")
        #expect(
            molt.calls == [
                "createEntry  better",
                "updateEntry \(DemoFixtures.entries[4].id) supersededBy=\(DemoFixtures.uuid(199).uuidString.lowercased()) title=-",
            ])
    }

    @Test("an entry's screen: scrolling, e/u open the editor, y copies the content, D deletes then goes back")
    func entryScreen() {
        var store = ScreenStores.store(
            [
                .entries(AgentScreenSnapshotTests.entries),
                .entry(EntryState(diary: DemoFixtures.research, entry: DemoFixtures.entries[0])),
            ], size: TerminalSize(columns: 80, rows: 14))
        store.exercise(.keyPressed(.character("j")))
        guard case .entry(let entry) = store.state.topScreen else { return }
        #expect(entry.scroll.offset == 1)
        store.press(.character("y"), effects: ["copy the content", "delay app.flash 4.0 seconds"]) {
            $0.flash = Flash(.success, "Copied the content (OSC 52)")
            $0.flashSerial = 1
        }
        store.exercise(.keyPressed(.character("u")))
        #expect(Self.editor(store.state)?.purpose == .supersede(DemoFixtures.entries[0]))
        store.exercise(.keyPressed(.escape))
        store.exercise(.keyPressed(.character("D")))
        store.exercise(.keyPressed(.character("y")))
        store.exercise(.screen(route: 2, .entry(.deleted(.success(DemoFixtures.entries[0].id)))))
        #expect(store.state.topScreen.kind == .entries)
    }

    @Test("drafts read back from $EDITOR text, with or without a header")
    func drafts() {
        let draft = EntryDraft(editorText: "title: T\ntags: a, b ,\ntype: PROCEDURAL\nimportance: 3\n---\n\nBody\n\n")
        #expect(draft == EntryDraft(title: "T", tags: ["a", "b"], type: .procedural, importance: 3, content: "Body"))
        #expect(EntryDraft(editorText: "just text").content == "just text")
        #expect(EntryDraft(content: String(repeating: "x", count: 10_001)).problem(visibility: .public) != nil)
        #expect(EntryDraft(content: String(repeating: "x", count: 10_001)).problem(visibility: .private) == nil)
        #expect(EntryDraft(importance: 11, content: "x").problem(visibility: .private) == "The importance is 1 to 10.")
        let unchanged = EntryDraft(DemoFixtures.entries[0]).updateRequest(from: DemoFixtures.entries[0])
        #expect(unchanged.isEmpty)
    }
}
