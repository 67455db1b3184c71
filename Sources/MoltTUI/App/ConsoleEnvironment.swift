public import Foundation

/// The console's dependencies, injected so `update` stays pure and tests are exact: the clock, the health
/// check, the auto-refresh period, and the facts shown on the About screen.
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

    public init(
        now: @escaping @Sendable () -> Date, healthCheck: HealthCheck, refreshInterval: Duration?, version: String,
        terminalDescription: String
    ) {
        self.now = now
        self.healthCheck = healthCheck
        self.refreshInterval = refreshInterval
        self.version = version
        self.terminalDescription = terminalDescription
    }
}
