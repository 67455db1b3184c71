import Foundation
import MoltClient
import MoltCommandLine
import MoltCore
import Testing

@testable import MoltTUI

/// The pieces under the screens: lists, forms, formatting, the trust tree, failures, configuration, setup.
@Suite("Console logic")
struct ConsoleLogicTests {
    static let spec = ListSpec<String>(
        id: { $0 }, searchText: { $0 }, sortableColumns: 1,
        compare: { left, right, _ in ListSpec<String>.order(left, right) })

    @Test("a list filters, narrows while typing, sorts keeping the selection, and appends pages")
    func list() {
        var list = ListState(rows: ["pear", "apple", "plum", "peach"], spec: Self.spec)
        #expect(list.count == 4 && list.selected == "pear")
        list.setFilter("p", spec: Self.spec)
        #expect(list.visible == [0, 1, 2, 3])
        list.setFilter("pe", spec: Self.spec)
        #expect(list.visible.map { list.rows[$0] } == ["pear", "peach"])
        list.setFilter("", spec: Self.spec)
        list.navigate(.down, pageSize: 10)
        #expect(list.selected == "apple")
        list.cycleSort(spec: Self.spec)
        #expect(list.visible.map { list.rows[$0] } == ["apple", "peach", "pear", "plum"])
        #expect(list.selected == "apple", "the selected row stays selected")
        list.reverseSort(spec: Self.spec)
        #expect(list.visible.map { list.rows[$0] } == ["plum", "pear", "peach", "apple"])
        list.append(["apricot"], spec: Self.spec)
        #expect(list.count == 5 && list.selected == "apple")
        list.setFilter("ap", spec: Self.spec)
        #expect(Set(list.visible.map { list.rows[$0] }) == ["apple", "apricot"])
        #expect(list.isNearEnd(margin: 2))
    }

    @Test("a form moves between fields, edits text, cycles choices, submits and cancels")
    func form() {
        var form = FormState(
            title: "F", purpose: 1,
            fields: [.text("Name", "ab"), .choice("Role", ["reader", "writer"]), .text("Secret", secret: true)])
        #expect(form.handle(.character("c")) == .edited)
        #expect(form.text("Name") == "abc")
        _ = form.handle(.tab)
        _ = form.handle(.right)
        #expect(form.choice("Role") == "writer")
        _ = form.handle(.right)
        #expect(form.choice("Role") == "reader")
        _ = form.handle(.backTab)
        _ = form.handle(.backTab)
        #expect(form.focus == 2, "shift-tab wraps to the last field")
        #expect(form.handle(.enter) == .submitted)
        #expect(form.handle(.escape) == .cancelled)
        var screen = Screen(size: TerminalSize(columns: 60, rows: 12))
        form.fields[2].handle(.character("s"))
        form.focus = 0
        form.render(in: Rect(size: screen.size), on: &screen, theme: .monochrome)
        #expect(screen.textLines.contains { $0.contains("Secret: •") }, "a secret field is masked without the focus")
    }

    @Test("dates, ages, countdowns, durations and counts read as on screen")
    func formats() {
        let now = ConsoleFixtures.now
        #expect(Format.dateTime(now) == "2026-11-24 14:16")
        #expect(Format.timestamp(now) == "2026-11-24 14:16:29Z")
        #expect(Format.age(now.addingTimeInterval(-90), now: now) == "1m ago")
        #expect(Format.age(now.addingTimeInterval(7200), now: now) == "in 2h")
        #expect(Format.countdown(to: now.addingTimeInterval(86_399), now: now) == "23h 59m")
        #expect(Format.countdown(to: now.addingTimeInterval(75), now: now) == "1m 15s")
        #expect(Format.countdown(to: now.addingTimeInterval(-1), now: now) == "expired")
        #expect(Format.duration(.milliseconds(850)) == "850 ms")
        #expect(Format.duration(.milliseconds(1240)) == "1.24 s")
        #expect(Format.duration(.seconds(184)) == "3m 04s")
        #expect(Format.count(28_450) == "28.4k")
        #expect(Format.firstLine("  a   b\nc") == "a b")
        #expect(Format.prettyJSON(#"{"b":1,"a":[2]}"#) == "{\n  \"a\" : [\n    2\n  ],\n  \"b\" : 1\n}")
    }

    @Test("the trust graph reads as a tree rooted at genesis agents")
    func trustTree() {
        let lines = TrustTree.lines(DemoFixtures.edges, highlight: DemoFixtures.bob.value).map(\.text)
        #expect(
            lines == [
                "\(DemoFixtures.ada)  genesis",
                "└─ \(DemoFixtures.bob)  vouched 2026-11-23  ← you",
                "   └─ \(DemoFixtures.chen)  vouched 2026-11-24",
                "",
                "3 agents · 2 vouchers redeemed · 1 root",
            ])
        #expect(TrustTree.lines([]).first?.text == "No voucher has been redeemed yet: the graph is empty.")
    }

    @Test("MoltClient's errors become flashes, or the banner when the server cannot be reached")
    func failures() {
        let api = MoltAPIError(
            status: 404, title: "Not Found", detail: "Diary not found", method: .get, path: "/diaries/x")
        #expect(ConsoleFailure.from(api) == ConsoleFailure(title: "Not Found", detail: "Diary not found", status: 404))
        let refused = HTTPTransportError(.connectionRefused, method: .get, url: "http://127.0.0.1:9/health")
        #expect(ConsoleFailure.from(refused).unreachableReason == "connection refused")
        let missing = MoltClientError(.missingCredentials, method: .get, path: "/agents/whoami")
        #expect(ConsoleFailure.from(missing) == .notSignedIn)
        let effects = Effect<Int>.report(ConsoleFailure.from(refused)).map(\.description)
        #expect(effects == ["backend unreachable: connection refused"])
    }

    @Test("the command line: agent, operator and settings-file values, sign-in commands, and their errors")
    func configuration() throws {
        let settings = [
            "admin_url": "http://127.0.0.1:9001", "database_url": "postgresql://u:p@db/moltnet",
            "api_url": "http://s:1",
        ]
        let admin = try ConsoleConfiguration(arguments: ["--admin"], environment: [:], settings: settings)
        #expect(
            admin.isOperator && admin.adminURL == "http://127.0.0.1:9001"
                && admin.databaseURL == "postgresql://u:p@db/moltnet")
        #expect(admin.serverURL == "http://s:1" && admin.serverURLGiven)
        let environment = ["DATABASE_URL": "postgresql://env/x", "MOLTNET_ADMIN_URL": "http://a:2/"]
        let fromEnvironment = try ConsoleConfiguration(
            arguments: ["--admin"], environment: environment, settings: settings)
        #expect(fromEnvironment.databaseURL == "postgresql://env/x" && fromEnvironment.adminURL == "http://a:2")
        #expect(
            throws: ValidationError("--admin needs --database-url (or DATABASE_URL, or database_url in console.json)")
        ) {
            try ConsoleConfiguration(arguments: ["--admin"], environment: [:])
        }
        #expect(throws: ValidationError("register needs --voucher CODE")) {
            try ConsoleConfiguration(arguments: ["register"], environment: [:])
        }
        let register = try ConsoleConfiguration(
            arguments: ["register", "--voucher", "ab", "--no-mcp"], environment: [:])
        #expect(register.command == .register(voucher: "ab", writeMCP: false))
        let login = try ConsoleConfiguration(
            arguments: ["login", "--private-key-file", "/k"], environment: ["MOLTNET_CLIENT_ID": "c"])
        #expect(login.command == .login(clientID: "c", privateKeyFile: "/k"))
        let plain = try ConsoleConfiguration(
            arguments: ["--credentials", "/x.json", "--screen", "feed"], environment: [:])
        #expect(plain.credentialsPath == "/x.json" && plain.startScreen == "feed" && !plain.serverURLGiven)
        #expect(
            ConsoleSetup.databaseLabel("postgresql://user:secret@db.example:5432/moltnet?sslmode=require")
                == "db.example:5432/moltnet")
    }

    @Test("each mode has its own screens; :search and :agent take an argument")
    func commands() {
        func names(_ mode: ConsoleMode) -> [String] {
            AppCore(environment: ScreenStores.environment(mode: mode)).commandNames.map(\.name)
        }
        #expect(
            names(.agent).starts(with: ["home", "diaries", "search", "invitations", "vouchers", "signing", "agents"]))
        #expect(names(.operator).starts(with: ["workflows", "identities", "clients", "relations", "network"]))
        #expect(names(.guest) == ["agents", "feed", "health", "about", "help", "quit"])
        var store = ScreenStores.store([.home(AgentScreenSnapshotTests.home)])
        store.exercise(.keyPressed(.character(":")))
        for character in "search rank fusion" { store.exercise(.keyPressed(.character(character))) }
        store.exercise(.keyPressed(.enter))
        guard case .search(let search) = store.state.topScreen else {
            Issue.record("no search screen")
            return
        }
        #expect(search.query.text == "rank fusion" && !search.isEditing)
        #expect(WorkflowsState.status(named: "err") == .error)
        #expect(WorkflowsState.status(named: "max recovery") == .maxRecoveryAttemptsExceeded)
    }

    @Test("a typing screen takes q, ? and :, and only ctrl-c stays global")
    func typingScreens() {
        let store = ScreenStores.store([
            .entryEditor(EntryEditorState(diary: DemoFixtures.research, purpose: .create))
        ])
        let global = store.core.globalBindings(store.state)
        #expect(global.map(\.keysText) == ["ctrl-c"])
    }
}
