import Foundation
import MoltClient
import MoltPostgres
import Testing

@testable import MoltTUI

/// The operator console with its database down (its PostgreSQL URL points at a closed port on 127.0.0.1):
/// the banner says so, the retries probe the database, and nothing crashes.
@Suite("Database down: banner and retries on an operator screen")
struct DatabaseOutageTests {
    let now = ConsoleFixtures.now

    /// The live operator service on a closed port (1): every read fails at connect time.
    static func closedPortService() -> LiveOperatorService {
        let pool = PostgresPool(
            url: "postgresql://postgres@127.0.0.1:1/postgres", maximumConnections: 1, acquireTimeout: .seconds(5),
            applicationName: "molt-test")
        return LiveOperatorService(
            workflows: DBOSWorkflowClient(pool: pool, statementTimeout: .seconds(2)),
            ory: OryAdminClient(endpoints: OryEndpoints(adminURL: "http://127.0.0.1:1")), adminURL: "http://127.0.0.1:1"
        )
    }

    @Test("a connection failure maps to the database-unreachable banner reason")
    func failureMapping() async throws {
        let pool = PostgresPool(url: "postgresql://postgres@127.0.0.1:1/postgres", maximumConnections: 1)
        let result = await ConsoleFailure.catching { try await pool.withConnection { _ in 1 } }
        guard case .failure(let failure) = result else {
            Issue.record("a closed port answered")
            return
        }
        #expect(failure.title == "Database unreachable")
        #expect(failure.unreachableReason == "database unreachable")
        #expect(failure.isUnreachable)
    }

    @Test("Workflows on a closed database port raises the banner; r probes the database again, backing off")
    func workflowsWithDatabaseDown() async throws {
        let service = Self.closedPortService()
        var environment = ScreenStores.environment(mode: .operator, operatorService: service)
        environment.healthCheck = HealthCheck { _ in await service.probe() }
        let core = AppCore(environment: environment)
        var state = core.initialState(
            session: ScreenStores.session(.operator), size: TerminalSize(columns: 120, rows: 40), theme: .colour)
        state.backend = .reachable
        var store = ConsoleTestStore(core: core, state: state)

        let opened = store.exercise(.started)
        let page = try #require(opened.first { $0.description == "run route1/page" })
        let loaded = await messages(from: page)
        guard case .screen(route: 1, .workflows(.loaded(.failure(let failure), _, _))) = try #require(loaded.first)
        else {
            Issue.record("the page did not fail: \(loaded)")
            return
        }
        #expect(failure.title == "Database unreachable")

        let raised = store.exercise(loaded[0])
        #expect(raised.map(\.description).contains("delay app.backend.retry 1.0 seconds"))
        #expect(
            store.state.backend
                == .unreachable(
                    BackendOutage(
                        reason: "database unreachable", since: now, attempt: 0, nextRetry: now.addingTimeInterval(1),
                        isRetrying: false)))
        let lines = store.core.render(store.state, size: store.state.size).textLines
        #expect(lines[2].contains("✖ Server unreachable: database unreachable · retry 1 in 1s · r retries now"))
        #expect(store.state.exitStatus == nil, "the console keeps running")

        let retry = store.press(
            .character("r"),
            effects: ["cancel app.backend.retry", "run app.backend.probe", "timer app.tick every 0.1 seconds"]
        ) {
            $0.backend = .unreachable(
                BackendOutage(
                    reason: "database unreachable", since: now, attempt: 0, nextRetry: now.addingTimeInterval(1),
                    isRetrying: true))
            $0.tickInterval = .milliseconds(100)
        }
        let probed = await messages(from: retry[1])
        guard case .backendProbeFinished(let result) = try #require(probed.first) else {
            Issue.record("no probe result: \(probed)")
            return
        }
        #expect(result.outcome == .unreachable(reason: "database unreachable"))
        store.send(
            probed[0], effects: ["delay app.backend.retry 2.0 seconds", "timer app.tick every 0.25 seconds"]
        ) {
            $0.backend = .unreachable(
                BackendOutage(
                    reason: "database unreachable", since: now, attempt: 1, nextRetry: now.addingTimeInterval(2),
                    isRetrying: false))
            $0.tickInterval = .milliseconds(250)
        }
    }
}
