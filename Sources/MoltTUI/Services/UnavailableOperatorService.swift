public import Foundation
public import MoltClient
public import MoltCore

/// The operator service of a console not started with `--admin`: every call fails with a hint.
public struct UnavailableOperatorService: OperatorService {
    public init() {}

    static let failure = ConsoleFailure(
        title: "Operator mode only", detail: "start molt with --admin --database-url URL")

    public func workflows(_ filter: WorkflowListFilter) async throws -> WorkflowPage { throw Self.failure }
    public func workflowCounts(_ filter: WorkflowListFilter) async throws -> [DBOSWorkflowState: Int] {
        throw Self.failure
    }
    public func workflow(_ id: String) async throws -> WorkflowRecord? { throw Self.failure }
    public func workflowDetails(_ id: String) async throws -> WorkflowDetails { throw Self.failure }
    public func cancelWorkflow(_ id: String) async throws -> DBOSWorkflowState { throw Self.failure }
    public func resumeWorkflow(_ id: String) async throws -> Bool { throw Self.failure }
    public func forkWorkflow(_ id: String, fromStep step: Int) async throws -> String { throw Self.failure }
    public func identities(pageToken: String?) async throws -> OryPage<KratosIdentity> { throw Self.failure }
    public func setIdentityState(_ state: KratosIdentityState, of id: UUID) async throws -> KratosIdentity {
        throw Self.failure
    }
    public func oauthClients(pageToken: String?) async throws -> OryPage<HydraOAuth2Client> { throw Self.failure }
    public func relationTuples(_ query: KetoRelationQuery, pageToken: String?) async throws -> OryPage<
        KetoRelationTuple
    > {
        throw Self.failure
    }
    public func checkPermission(_ tuple: KetoRelationTuple) async throws -> Bool { throw Self.failure }
    public func probe() async -> HealthCheckResult {
        HealthCheckResult(startedAt: Date(), milliseconds: 0, outcome: .unreachable(reason: "not in operator mode"))
    }
}
