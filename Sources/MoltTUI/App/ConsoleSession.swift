/// Who is using the console and against what: shown in the header and the About screen.
public struct ConsoleSession: Hashable, Sendable {
    public var mode: ConsoleMode
    /// The signed-in identity (a fingerprint or operator name), or `not signed in`.
    public var identity: String
    /// The server's base URL.
    public var serverURL: String
    /// Whether mutating actions are hidden.
    public var isReadOnly: Bool

    public init(mode: ConsoleMode, identity: String, serverURL: String, isReadOnly: Bool) {
        self.mode = mode
        self.identity = identity
        self.serverURL = serverURL
        self.isReadOnly = isReadOnly
    }
}

/// Which side of MoltNet the console works on.
public enum ConsoleMode: String, Hashable, Sendable {
    /// Not signed in: public screens only.
    case guest
    /// Signed in as an agent.
    case agent
    /// Operator (`--admin`).
    case `operator`
}
