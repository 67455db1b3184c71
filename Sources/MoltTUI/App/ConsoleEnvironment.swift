public import Foundation

/// The console's dependencies, injected so `update` stays pure and tests are exact: the clock, the health
/// check, the MoltNet and operator services, the auto-refresh period, and the facts shown on the About screen.
public struct ConsoleEnvironment: Sendable {
    /// The current time.
    public var now: @Sendable () -> Date
    /// How the server's health is checked (Health screen and the banner's retries).
    public var healthCheck: HealthCheck
    /// Auto-refresh period of screens that refresh, or nil for none.
    public var refreshInterval: Duration?
    /// molt's version.
    public var version: String
    /// A description of the terminal for the About screen (`xterm-256color, UTF-8`).
    public var terminalDescription: String
    /// The MoltNet REST API (agent screens and the public ones).
    public var molt: any MoltService
    /// The DBOS tables and Ory admin APIs, in operator mode.
    public var operatorService: (any OperatorService)?
    /// Which screens exist: an agent's, an operator's, or only the public ones.
    public var mode: ConsoleMode
    /// The `:` command that opens the first screen (`home`, `workflows`, `health`).
    public var startScreen: String

    public init(
        now: @escaping @Sendable () -> Date, healthCheck: HealthCheck, refreshInterval: Duration?, version: String,
        terminalDescription: String, molt: any MoltService = UnavailableMoltService(),
        operatorService: (any OperatorService)? = nil, mode: ConsoleMode = .guest, startScreen: String = "health"
    ) {
        self.now = now
        self.healthCheck = healthCheck
        self.refreshInterval = refreshInterval
        self.version = version
        self.terminalDescription = terminalDescription
        self.molt = molt
        self.operatorService = operatorService
        self.mode = mode
        self.startScreen = startScreen
    }
}
