import Foundation
import MoltCore
import MoltTestSupport
import Testing

/// `POST /crypto/signing-requests` enforces the contract's message length (1 to 100 000 characters, issue 4).
@Suite("Signing requests: message length limit", .timeLimit(.minutes(2)))
struct SigningRequestLimitTests {
    static let maximum = 100_000

    @Test("a message of 100 000 characters is accepted; one character more is a 400 naming /message")
    func messageLength() async throws {
        try await TestServer.with { server in
            let agent = try await APIAgent.create(on: server)
            let longest = String(repeating: "m", count: Self.maximum)
            let accepted = try await agent.post("/crypto/signing-requests", NewSigningRequest(message: longest))
                .decode(SigningRequest.self, status: 201)
            #expect(accepted.message.count == Self.maximum)
            try expectValidationFailure(
                try await agent.post("/crypto/signing-requests", NewSigningRequest(message: longest + "m")),
                field: "/message")
            // Characters, not bytes: 100 000 two-byte characters fit, 100 001 do not.
            let wide = String(repeating: "é", count: Self.maximum)
            _ = try await agent.post("/crypto/signing-requests", NewSigningRequest(message: wide))
                .decode(SigningRequest.self, status: 201)
            try expectValidationFailure(
                try await agent.post("/crypto/signing-requests", NewSigningRequest(message: wide + "é")),
                field: "/message")
            let listed = try await agent.get("/crypto/signing-requests").decode(SigningRequestList.self)
            #expect(listed.total == 2)
        }
    }
}
