import Foundation
import Testing

@testable import MoltServer

/// Sessions in memory: opened, used, closed, forgotten when idle, and bounded in number.
@Suite("MCP session store")
struct MCPSessionStoreTests {
    @Test("a session is found until it is closed, and its id is 43 base64url characters")
    func lifecycle() {
        let store = MCPSessionStore()
        let session = store.open(protocolVersion: "2025-11-25", owner: "anonymous", clientName: "test")
        #expect(session.id.count == 43)
        #expect(session.id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        #expect(store.use(session.id)?.protocolVersion == "2025-11-25")
        store.markInitialized(session.id)
        #expect(store.use(session.id)?.initialized == true)
        #expect(store.close(session.id))
        #expect(store.use(session.id) == nil)
        #expect(!store.close(session.id))
    }

    @Test("idle sessions are forgotten, and past capacity the least recently used goes")
    func expiry() async throws {
        let idle = MCPSessionStore(idleTimeout: .milliseconds(100), capacity: 10)
        let old = idle.open(protocolVersion: "2025-11-25", owner: "anonymous", clientName: "test")
        try await Task.sleep(for: .milliseconds(150))
        #expect(idle.use(old.id) == nil)

        let small = MCPSessionStore(capacity: 2)
        let first = small.open(protocolVersion: "2025-11-25", owner: "a", clientName: "1")
        let second = small.open(protocolVersion: "2025-11-25", owner: "b", clientName: "2")
        _ = small.use(first.id)
        let third = small.open(protocolVersion: "2025-11-25", owner: "c", clientName: "3")
        #expect(small.count == 2)
        #expect(small.use(second.id) == nil)
        #expect(small.use(first.id) != nil)
        #expect(small.use(third.id) != nil)
    }
}
