import Foundation
import MoltClient
import MoltCore
import Testing

@testable import MoltTUI

/// Diaries and their shares: every key, forms included.
@Suite("Diaries and shares keys")
struct DiariesKeyTests {
    static func store(readOnly: Bool = false) -> ConsoleTestStore {
        ScreenStores.store([.diaries(AgentScreenSnapshotTests.diaries)], readOnly: readOnly)
    }

    static func diaries(_ state: AppState) -> DiariesState {
        guard case .diaries(let diaries) = state.topScreen else { return DiariesState() }
        return diaries
    }

    @Test("moving, filtering with /, sorting with o and O")
    func moveFilterSort() {
        var store = Self.store()
        var expected = AgentScreenSnapshotTests.diaries
        store.press(.character("j")) {
            expected.list.viewport = TableViewport(selected: 1, offset: 0)
            $0.topScreen = .diaries(expected)
        }
        store.press(.character("G")) {
            expected.list.viewport = TableViewport(selected: 2, offset: 0)
            $0.topScreen = .diaries(expected)
        }
        store.press(.character("o")) {
            expected.list.setSort(TableSort(column: 3, ascending: false), spec: DiariesFeature.spec)
            $0.topScreen = .diaries(expected)
        }
        #expect(Self.diaries(store.state).list.selected?.name == "Research notes", "the selection follows the row")
        #expect(
            Self.diaries(store.state).list.sort == TableSort(column: 3, ascending: false), "by Updated, newest first")
        store.press(.character("O")) {
            expected.list.setSort(TableSort(column: 3, ascending: true), spec: DiariesFeature.spec)
            $0.topScreen = .diaries(expected)
        }
        store.press(.character("/")) { $0.filterEditor = LineEditor() }
        for character in "lab" {
            store.press(.character(character)) {
                $0.filterEditor = LineEditor(String(("lab".prefix { $0 != character }) + String(character)))
                expected.list.setFilter(
                    String(("lab".prefix { $0 != character }) + String(character)), spec: DiariesFeature.spec)
                $0.topScreen = .diaries(expected)
            }
        }
        #expect(Self.diaries(store.state).list.count == 1)
        #expect(Self.diaries(store.state).list.selected?.name == "Public lab log")
    }

    @Test("enter opens the entries; i the shares; R the digest; y copies the id")
    func opening() {
        for (key, kind) in [(Key.enter, ScreenKind.entries), (.character("i"), .shares), (.character("R"), .reflect)] {
            var store = Self.store()
            store.exercise(.keyPressed(key))
            #expect(store.state.topScreen.kind == kind)
        }
        var store = Self.store()
        store.press(.character("y"), effects: ["copy the diary id", "delay app.flash 4.0 seconds"]) {
            $0.flash = Flash(.success, "Copied the diary id (OSC 52)")
            $0.flashSerial = 1
        }
    }

    @Test("n opens the new-diary form; typing, tab and ← change it; enter creates; the answer reloads")
    func create() async {
        var store = Self.store()
        store.tap(.character("n"))
        for character in "Lab" { store.tap(.character(character)) }
        store.tap(.tab)
        store.tap(.right)
        var form = Self.diaries(store.state).form
        #expect(form?.text("Name") == "Lab")
        #expect(form?.choice("Visibility") == "moltnet")
        store.press(.enter, effects: ["run route1/save", "timer app.tick every 0.1 seconds"]) {
            var diaries = Self.diaries($0)
            diaries.form = nil
            diaries.isSaving = true
            $0.topScreen = .diaries(diaries)
            $0.tickInterval = .milliseconds(100)
        }
        form = nil
        store.send(
            .screen(route: 1, .diaries(.saved(.success(DemoFixtures.lab), verb: "Created"))),
            effects: ["delay app.flash 4.0 seconds", "run route1/load"]
        ) {
            var diaries = Self.diaries($0)
            diaries.isSaving = false
            diaries.list.isLoading = true
            $0.topScreen = .diaries(diaries)
            $0.flash = Flash(.success, "Created Public lab log (public)")
            $0.flashSerial = 1
        }
    }

    @Test("an empty name is refused in the form; esc closes it")
    func invalidName() {
        var store = Self.store()
        store.tap(.character("n"))
        store.tap(.enter)
        #expect(Self.diaries(store.state).form?.note == "The name must have 1 to 255 characters.")
        store.press(.escape) {
            var diaries = Self.diaries($0)
            diaries.form = nil
            $0.topScreen = .diaries(diaries)
        }
    }

    @Test("e renames and v changes the visibility of the selected diary, through forms")
    func renameAndVisibility() {
        var store = Self.store()
        store.tap(.character("e"))
        #expect(Self.diaries(store.state).form?.purpose == .rename(DemoFixtures.scratch.id))
        #expect(Self.diaries(store.state).form?.text("Name") == "Scratch 日本語")
        store.tap(.escape)
        store.tap(.character("v"))
        #expect(Self.diaries(store.state).form?.choice("Visibility") == "private")
        store.tap(.right)
        store.press(.enter, effects: ["run route1/save", "timer app.tick every 0.1 seconds"]) {
            var diaries = Self.diaries($0)
            diaries.form = nil
            diaries.isSaving = true
            $0.topScreen = .diaries(diaries)
            $0.tickInterval = .milliseconds(100)
        }
    }

    @Test("D asks first; only a confirmed delete is sent")
    func delete() {
        var store = Self.store()
        store.tap(.character("D"))
        guard case .confirm(let dialog) = store.state.overlay else {
            Issue.record("no confirmation")
            return
        }
        #expect(dialog.request.title == "Delete diary?")
        #expect(!dialog.confirmFocused, "a destructive dialog starts on Cancel")
        store.press(.character("n")) { $0.overlay = nil }
        store.tap(.delete)
        store.press(.character("y"), effects: ["run route1/delete", "timer app.tick every 0.1 seconds"]) {
            $0.overlay = nil
            var diaries = Self.diaries($0)
            diaries.isSaving = true
            $0.topScreen = .diaries(diaries)
            $0.tickInterval = .milliseconds(100)
        }
    }

    @Test("read-only mode hides and refuses n, e, v and D")
    func readOnly() {
        var store = Self.store(readOnly: true)
        let keys = store.core.keyHints(store.state).map(\.keys)
        for key in ["n", "e", "v", "D/del"] { #expect(!keys.contains(key), "\(key) hidden") }
        for key in ["n", "e", "v", "D"] { store.press(.character(Character(key))) }
        #expect(store.state.overlay == nil)
    }

    @Test("shares: n invites by fingerprint as writer, a bad fingerprint is refused, D revokes after a confirmation")
    func shares() {
        var initial = SharesState(diary: DemoFixtures.research)
        initial.list.replace(DemoFixtures.shares, spec: SharesFeature.spec)
        var store = ScreenStores.store([.shares(initial)])
        func shares(_ state: AppState) -> SharesState {
            guard case .shares(let shares) = state.topScreen else { return SharesState(diary: DemoFixtures.research) }
            return shares
        }
        func current() -> SharesState { shares(store.state) }
        store.tap(.character("n"))
        for character in "nope" { store.tap(.character(character)) }
        store.tap(.enter)
        #expect(current().form?.note == "A fingerprint looks like 21FE-31DF-A154-A261.")
        store.tap(.escape)
        store.tap(.character("n"))
        for character in DemoFixtures.chen.value.lowercased() { store.tap(.character(character)) }
        store.tap(.tab)
        store.tap(.right)
        store.press(.enter, effects: ["run route1/save", "timer app.tick every 0.1 seconds"]) {
            var next = shares($0)
            next.form = nil
            next.isSaving = true
            $0.topScreen = .shares(next)
            $0.tickInterval = .milliseconds(100)
        }
        let share = DiaryShare(
            id: ShareID(rawValue: DemoFixtures.uuid(24)), diaryId: DemoFixtures.research.id,
            sharedWith: AgentID(rawValue: DemoFixtures.uuid(3)), role: .writer, status: .pending,
            invitedAt: ConsoleFixtures.now,
            respondedAt: nil)
        store.exercise(.screen(route: 1, .shares(.shared(.success(share), fingerprint: DemoFixtures.chen.value))))
        #expect(current().fingerprints[AgentID(rawValue: DemoFixtures.uuid(3))] == DemoFixtures.chen.value)
        #expect(store.state.flash == Flash(.success, "Invited \(DemoFixtures.chen.value) as writer"))
        store.exercise(.screen(route: 1, .shares(.loaded(.success(DemoFixtures.shares)))))
        store.tap(.character("j"))
        store.tap(.character("D"))
        #expect(current().form?.text("Fingerprint") == DemoFixtures.chen.value, "prefilled with the known fingerprint")
        store.tap(.enter)
        guard case .confirm(let dialog) = store.state.overlay else {
            Issue.record("no confirmation")
            return
        }
        #expect(dialog.request.title == "Revoke share?")
        store.press(.character("y"), effects: ["run route1/save", "timer app.tick every 0.1 seconds"]) {
            $0.overlay = nil
            var next = shares($0)
            next.isSaving = true
            $0.topScreen = .shares(next)
            $0.tickInterval = .milliseconds(100)
        }
    }
}
