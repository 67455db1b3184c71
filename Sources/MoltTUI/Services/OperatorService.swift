public import Foundation
public import MoltClient
public import MoltCore

/// Everything the operator screens ask: the DBOS workflow tables (through MoltClient's
/// `DBOSWorkflowClient`) and the Ory admin APIs (through `OryAdminClient`). Tests pass a stub.
public protocol OperatorService: Sendable {
    func workflows(_ filter: WorkflowListFilter) async throws -> WorkflowPage
    func workflowCounts(_ filter: WorkflowListFilter) async throws -> [DBOSWorkflowState: Int]
    func workflow(_ id: String) async throws -> WorkflowRecord?
    func workflowDetails(_ id: String) async throws -> WorkflowDetails
    func cancelWorkflow(_ id: String) async throws -> DBOSWorkflowState
    func resumeWorkflow(_ id: String) async throws -> Bool
    func forkWorkflow(_ id: String, fromStep step: Int) async throws -> String

    func identities(pageToken: String?) async throws -> OryPage<KratosIdentity>
    func setIdentityState(_ state: KratosIdentityState, of id: UUID) async throws -> KratosIdentity
    func oauthClients(pageToken: String?) async throws -> OryPage<HydraOAuth2Client>
    func relationTuples(_ query: KetoRelationQuery, pageToken: String?) async throws -> OryPage<KetoRelationTuple>
    func checkPermission(_ tuple: KetoRelationTuple) async throws -> Bool

    /// Whether the database and the admin API answer (the banner's retries in operator mode).
    func probe() async -> HealthCheckResult
}

/// A workflow's steps, events and messages, read together for its detail screen.
public struct WorkflowDetails: Equatable, Sendable {
    public var steps: [WorkflowStep]
    public var events: WorkflowEvents
    public var notifications: [WorkflowNotification]

    public init(steps: [WorkflowStep], events: WorkflowEvents, notifications: [WorkflowNotification]) {
        self.steps = steps
        self.events = events
        self.notifications = notifications
    }
}

/// `OperatorService` on MoltClient: DBOS tables for workflows, the Ory admin APIs for the rest.
public struct LiveOperatorService: OperatorService {
    public let workflowsClient: DBOSWorkflowClient
    public let ory: OryAdminClient
    /// The admin listener's (or Kratos admin's) base URL, probed for health.
    public let adminURL: String
    private let health: MoltAPIClient

    public init(workflows: DBOSWorkflowClient, ory: OryAdminClient, adminURL: String) {
        self.workflowsClient = workflows
        self.ory = ory
        self.adminURL = adminURL
        self.health = MoltAPIClient(
            baseURL: adminURL,
            configuration: CurlTransportConfiguration(connectTimeout: .seconds(3), timeout: .seconds(5)),
            retryPolicy: .none)
    }

    public func workflows(_ filter: WorkflowListFilter) async throws -> WorkflowPage {
        try await workflowsClient.list(filter)
    }

    public func workflowCounts(_ filter: WorkflowListFilter) async throws -> [DBOSWorkflowState: Int] {
        try await workflowsClient.statusCounts(filter)
    }

    public func workflow(_ id: String) async throws -> WorkflowRecord? { try await workflowsClient.workflow(id) }

    public func workflowDetails(_ id: String) async throws -> WorkflowDetails {
        async let steps = workflowsClient.steps(of: id)
        async let events = workflowsClient.events(of: id)
        async let notifications = workflowsClient.notifications(of: id)
        return WorkflowDetails(steps: try await steps, events: try await events, notifications: try await notifications)
    }

    public func cancelWorkflow(_ id: String) async throws -> DBOSWorkflowState {
        try await workflowsClient.cancel(id)
    }

    public func resumeWorkflow(_ id: String) async throws -> Bool { try await workflowsClient.resume(id) }

    public func forkWorkflow(_ id: String, fromStep step: Int) async throws -> String {
        try await workflowsClient.fork(id, startStep: step)
    }

    public func identities(pageToken: String?) async throws -> OryPage<KratosIdentity> {
        try await ory.kratos.identities(pageSize: 250, pageToken: pageToken)
    }

    public func setIdentityState(_ state: KratosIdentityState, of id: UUID) async throws -> KratosIdentity {
        try await ory.kratos.setState(state, of: id)
    }

    public func oauthClients(pageToken: String?) async throws -> OryPage<HydraOAuth2Client> {
        try await ory.hydra.clients(pageSize: 250, pageToken: pageToken)
    }

    public func relationTuples(_ query: KetoRelationQuery, pageToken: String?) async throws
        -> OryPage<KetoRelationTuple>
    {
        try await ory.keto.relationTuples(query, pageSize: 100, pageToken: pageToken)
    }

    public func checkPermission(_ tuple: KetoRelationTuple) async throws -> Bool { try await ory.keto.check(tuple) }

    /// The database first (a schema read), then `GET <admin>/health/alive`.
    public func probe() async -> HealthCheckResult {
        let startedAt = Date()
        let clock = ContinuousClock()
        let start = clock.now
        func milliseconds() -> Double { (clock.now - start).timeInterval * 1000 }
        do {
            _ = try await workflowsClient.refreshLayout()
        } catch {
            let failure = ConsoleFailure.from(error)
            return HealthCheckResult(
                startedAt: startedAt, milliseconds: milliseconds(),
                outcome: .unreachable(reason: failure.unreachableReason ?? "database: \(failure.title)"))
        }
        return await HealthCheck.client(health, path: "/health/alive").run(adminURL)
    }
}
