import Foundation
import MoltCore
import MoltPostgres
import MoltTestSupport
import Synchronization
import Testing

@testable import MoltServer

/// A clock tests move by hand.
final class TestClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date = Date(timeIntervalSince1970: 1_790_000_000)) {
        current = Mutex(start)
    }

    func now() -> Date { current.withLock { $0 } }

    func advance(seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}

/// The embedded services on a fresh migrated database with a hand-moved clock.
struct EmbeddedFixture: Sendable {
    let database: TestDatabase
    let clock: TestClock
    let services: IdentityServices

    var identities: EmbeddedIdentityProvider { services.embeddedIdentities! }
    var oauth2: EmbeddedOAuth2Provider { services.embeddedOAuth2! }
    var permissions: EmbeddedPermissionEngine { services.embeddedPermissions! }

    static let publicBaseURL = "http://127.0.0.1:8000"

    static func with<T: Sendable>(_ body: (EmbeddedFixture) async throws -> T) async throws -> T {
        try await TestDatabase.with(migrations: ServerMigrations.all()) { database in
            let clock = TestClock()
            var configuration = IdentityConfiguration.embedded
            configuration.secretHashStrength = .minimum
            let services = IdentityServices(
                configuration: configuration, database: database.pool, publicBaseURL: publicBaseURL, clock: clock.now)
            return try await body(EmbeddedFixture(database: database, clock: clock, services: services))
        }
    }

    /// An active agent identity with a fresh key and its agent client.
    func agent(scope: String = "") async throws -> TestAgent {
        let key = Ed25519PrivateKey.generate()
        let identity = try await identities.createIdentity(
            NewIdentity(
                publicKey: key.publicKey.wireValue, voucherCode: "voucher-\(UUID().uuidString.prefix(8))",
                fingerprint: key.publicKey.fingerprint.value))
        let client = try await oauth2.createClient(
            NewOAuth2Client(
                name: "Agent: \(identity.fingerprint)", scope: scope,
                metadata: OAuth2ClientMetadata(
                    identityID: identity.id, publicKey: identity.publicKey, fingerprint: identity.fingerprint)))
        return TestAgent(key: key, identity: identity, client: client)
    }
}

/// An agent made by `EmbeddedFixture.agent`.
struct TestAgent: Sendable {
    let key: Ed25519PrivateKey
    let identity: Identity
    let client: OAuth2Client

    var id: String { identity.id.uuidString.lowercased() }
    var secret: String { client.secret! }
}

/// A fresh `ed25519:<base64>` key and its fingerprint.
func freshAgentKey() -> (publicKey: String, fingerprint: String) {
    let key = Ed25519PrivateKey.generate().publicKey
    return (key.wireValue, key.fingerprint.value)
}

extension RawHTTPClient {
    /// Sends a JSON document.
    func json(_ method: String, _ target: String, _ document: JSONValue, headers: [String: String] = [:])
        async throws -> Response
    {
        try await request(
            method, target, headers: headers.merging(["Content-Type": "application/json"]) { given, _ in given },
            body: document.encoded)
    }

    /// Sends a form.
    func form(_ target: String, _ fields: [(String, String)], headers: [String: String] = [:]) async throws
        -> Response
    {
        try await request(
            "POST", target,
            headers: headers.merging(["Content-Type": "application/x-www-form-urlencoded"]) { given, _ in given },
            body: Array(QueryEncoding.query(fields).utf8))
    }
}

extension RawHTTPClient.Response {
    /// The body as a `JSONValue` (arrays too).
    var document: JSONValue {
        get throws { try #require(JSONValue.parse(body), "not JSON: \(text)") }
    }
}

/// The JSON in one base64url segment of a JWT.
func jwtSegment(_ segment: String) throws -> JSONValue {
    let bytes = try #require(Base64.decodeURL(segment), "segment is not base64url")
    return try #require(JSONValue.parse(bytes), "segment is not JSON")
}
