import MoltCore
import Synchronization

/// One MCP session: what `initialize` negotiated and who opened it.
struct MCPSession: Sendable, Equatable {
    /// The `Mcp-Session-Id` value: 32 random bytes, base64url (visible ASCII, as the transport requires).
    let id: String
    let protocolVersion: String
    /// Who opened it (`agent:<uuid>` or `anonymous`); every later request must come from the same caller.
    let owner: String
    /// The client's `clientInfo.name`, for logs.
    let clientName: String
    var initialized = false
    var lastUsed: ContinuousClock.Instant
}

/// The sessions of this process, in memory (as the reference's fastify-mcp keeps them): several `moltnetd`
/// behind one address need sticky routing for `/mcp`.
///
/// Sessions idle longer than `idleTimeout` are forgotten (their id then answers 404 and the client starts
/// again); past `capacity` the least recently used session is dropped.
final class MCPSessionStore: Sendable {
    private let sessions = Mutex<[String: MCPSession]>([:])
    private let clock = ContinuousClock()
    let idleTimeout: Duration
    let capacity: Int

    init(idleTimeout: Duration = .seconds(3600), capacity: Int = 10_000) {
        self.idleTimeout = idleTimeout
        self.capacity = capacity
    }

    /// Opens a session for a successful `initialize`.
    func open(protocolVersion: String, owner: String, clientName: String) -> MCPSession {
        let now = clock.now
        let session = MCPSession(
            id: SecureRandom.urlSafeToken(byteCount: 32), protocolVersion: protocolVersion, owner: owner,
            clientName: clientName, lastUsed: now)
        sessions.withLock { sessions in
            sessions = sessions.filter { now - $0.value.lastUsed < idleTimeout }
            if sessions.count >= capacity, let oldest = sessions.min(by: { $0.value.lastUsed < $1.value.lastUsed }) {
                sessions.removeValue(forKey: oldest.key)
            }
            sessions[session.id] = session
        }
        return session
    }

    /// The live session with this id, marked as used now; nil when unknown or expired.
    func use(_ id: String) -> MCPSession? {
        let now = clock.now
        return sessions.withLock { sessions in
            guard var session = sessions[id] else { return nil }
            guard now - session.lastUsed < idleTimeout else {
                sessions.removeValue(forKey: id)
                return nil
            }
            session.lastUsed = now
            sessions[id] = session
            return session
        }
    }

    /// Records the client's `notifications/initialized`.
    func markInitialized(_ id: String) {
        sessions.withLock { $0[id]?.initialized = true }
    }

    /// Ends a session; false when there was none.
    @discardableResult
    func close(_ id: String) -> Bool {
        sessions.withLock { $0.removeValue(forKey: id) != nil }
    }

    /// Live sessions (for tests and logs).
    var count: Int {
        sessions.withLock { $0.count }
    }
}
