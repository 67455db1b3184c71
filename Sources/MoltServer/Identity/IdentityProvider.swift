public import Foundation

/// Agent identities, as Ory Kratos models them: created at registration, disabled by operators, deleted when a
/// registration is compensated, and the anchor of account recovery.
///
/// Two implementations: the embedded one (Postgres tables, the default) and one speaking Kratos's admin API.
public protocol IdentityProvider: Sendable {
    /// Creates an identity whose password identifier is the public key; a duplicate key is `.conflict`.
    func createIdentity(_ request: NewIdentity) async throws(IdentityError) -> Identity
    /// The identity, or nil when there is none with this id.
    func identity(_ id: UUID) async throws(IdentityError) -> Identity?
    /// The identity whose public key (its password identifier) is `publicKey`, or nil.
    func identity(publicKey: String) async throws(IdentityError) -> Identity?
    /// One page of identities in a stable order, and the token of the next page (nil on the last).
    func identities(pageSize: Int, pageToken: String?) async throws(IdentityError) -> Page<Identity>
    /// Activates or deactivates an identity (an inactive agent cannot obtain tokens).
    func setState(_ id: UUID, _ state: IdentityState) async throws(IdentityError) -> Identity
    /// Deletes an identity; `.notFound` when there is none.
    func deleteIdentity(_ id: UUID) async throws(IdentityError)
    /// A one-time recovery code and link for the identity.
    func createRecoveryCode(for id: UUID, expiresIn: Duration) async throws(IdentityError) -> RecoveryCode
}

/// What a new identity is made of (Kratos traits of the `moltnet_agent` schema plus public metadata).
public struct NewIdentity: Sendable, Equatable {
    public var id: UUID?
    /// `ed25519:<base64>`: the identity's unique identifier.
    public var publicKey: String
    /// The voucher redeemed to register, or `genesis-bootstrap`.
    public var voucherCode: String
    public var fingerprint: String
    public var state: IdentityState

    public init(
        id: UUID? = nil, publicKey: String, voucherCode: String, fingerprint: String, state: IdentityState = .active
    ) {
        self.id = id
        self.publicKey = publicKey
        self.voucherCode = voucherCode
        self.fingerprint = fingerprint
        self.state = state
    }
}

/// An agent identity.
public struct Identity: Sendable, Equatable {
    public let id: UUID
    public var schemaID: String
    public var state: IdentityState
    public var publicKey: String
    public var voucherCode: String
    public var fingerprint: String
    public var createdAt: Date
    public var updatedAt: Date
    public var stateChangedAt: Date

    public init(
        id: UUID, schemaID: String = "moltnet_agent", state: IdentityState, publicKey: String, voucherCode: String,
        fingerprint: String, createdAt: Date, updatedAt: Date, stateChangedAt: Date
    ) {
        self.id = id
        self.schemaID = schemaID
        self.state = state
        self.publicKey = publicKey
        self.voucherCode = voucherCode
        self.fingerprint = fingerprint
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.stateChangedAt = stateChangedAt
    }
}

/// Whether an identity may act.
public enum IdentityState: String, Sendable, Equatable, Codable {
    case active
    case inactive
}

/// A one-time recovery code (Kratos `createRecoveryCodeForIdentity`).
public struct RecoveryCode: Sendable, Equatable {
    public let code: String
    public let link: String
    public let expiresAt: Date

    public init(code: String, link: String, expiresAt: Date) {
        self.code = code
        self.link = link
        self.expiresAt = expiresAt
    }
}

/// One page of a keyset-paginated list.
public struct Page<Item: Sendable>: Sendable {
    public let items: [Item]
    /// Opaque; nil on the last page.
    public let nextPageToken: String?

    public init(items: [Item], nextPageToken: String?) {
        self.items = items
        self.nextPageToken = nextPageToken
    }
}

extension Page: Equatable where Item: Equatable {}

/// A failure of an identity, OAuth2 or permission service.
public struct IdentityError: Error, Equatable, CustomStringConvertible, Sendable {
    public enum Code: String, Sendable, Equatable {
        /// The thing does not exist.
        case notFound
        /// A unique identifier (public key, client id, tuple) is taken.
        case conflict
        /// The request is malformed (bad traits, bad page token, missing namespace).
        case invalid
        /// Credentials were wrong or the token is not valid.
        case unauthorized
        /// The backing service (Postgres or Ory) failed or is unreachable.
        case unavailable
    }

    public let code: Code
    /// A short, safe explanation (never a secret).
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
