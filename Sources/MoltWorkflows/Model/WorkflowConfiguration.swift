import Foundation

/// How a `WorkflowEngine` identifies itself in the DBOS tables and how often it polls.
///
/// `executorID` and `applicationVersion` decide which PENDING workflows the engine recovers at start-up:
/// exactly those it wrote with the same pair. Both defaults are values no DBOS application uses (DBOS
/// applications use `local`, a uuid, or a 32-hex source hash), so a DBOS application sharing the database
/// never claims MoltNet's workflows and MoltNet never claims theirs. Keep `executorID` stable across
/// restarts of one process (the default derives it from the host name) so a restarted process recovers the
/// work its previous incarnation left PENDING.
public struct WorkflowConfiguration: Sendable {
    /// The executor id written to `workflow_status.executor_id`.
    public var executorID: String
    /// The application version written to `workflow_status.application_version`.
    public var applicationVersion: String
    /// Written to `application_name`; nil leaves rows unclaimed (visible to every DBOS tool filter).
    public var applicationName: String?
    /// A workflow recovered or dequeued more than this many times (plus its first run) is dead-lettered
    /// with status `MAX_RECOVERY_ATTEMPTS_EXCEEDED`. DBOS's default is 100.
    public var maxRecoveryAttempts: Int
    /// How often queues are polled for ENQUEUED workflows (local enqueues wake the dispatcher at once).
    public var queuePollingInterval: Duration
    /// How often `recv`, `getEvent` and `getResult` re-read the tables when no notification arrives.
    public var pollingInterval: Duration
    /// The most connections the engine's pool opens.
    public var maximumConnections: Int

    public init(
        executorID: String = WorkflowConfiguration.defaultExecutorID,
        applicationVersion: String = WorkflowConfiguration.defaultApplicationVersion,
        applicationName: String? = nil,
        maxRecoveryAttempts: Int = 100,
        queuePollingInterval: Duration = .seconds(1),
        pollingInterval: Duration = .seconds(1),
        maximumConnections: Int = 16
    ) {
        self.executorID = executorID
        self.applicationVersion = applicationVersion
        self.applicationName = applicationName
        self.maxRecoveryAttempts = maxRecoveryAttempts
        self.queuePollingInterval = queuePollingInterval
        self.pollingInterval = pollingInterval
        self.maximumConnections = maximumConnections
    }

    /// `moltnet-swift@<host name>`: stable per host, never used by a DBOS application.
    public static var defaultExecutorID: String {
        "moltnet-swift@" + ProcessInfo.processInfo.hostName
    }

    /// `moltnet-swift-workflows-1`: bumped when registered workflows change incompatibly.
    public static let defaultApplicationVersion = "moltnet-swift-workflows-1"
}
