public import Foundation

/// Where a signing request stands (spec §1.3).
public enum SigningRequestStatus: OpenEnum {
    case pending
    case completed
    case expired
    case unknown(String)

    public static let knownCases: [SigningRequestStatus] = [.pending, .completed, .expired]

    public var rawValue: String {
        switch self {
        case .pending: "pending"
        case .completed: "completed"
        case .expired: "expired"
        case .unknown(let value): value
        }
    }
}

/// Limits on signatures and signing requests (spec §1.3).
public enum SigningLimits {
    /// Messages to sign are 1 to 100 000 characters.
    public static let messageLength = 1...100_000
    /// Signatures are standard base64 of 64 bytes: at most 88 characters.
    public static let signatureLength = 1...88
    /// Seconds a signing request waits for its signature.
    public static let timeoutSeconds = 300
}

/// A request for the caller to sign a message with its private key (openapi `SigningRequest`).
public struct SigningRequest: Codable, Hashable, Sendable {
    public var id: SigningRequestID
    public var agentId: AgentID
    public var message: String
    public var nonce: SigningNonce
    /// Base64 of the `moltnet:v1` bytes to sign (``SigningPayload``); sign the decoded bytes directly.
    public var signingInput: String
    public var status: SigningRequestStatus
    @Nullable public var signature: String?
    /// Whether the submitted signature verified; null until one is submitted.
    @Nullable public var valid: Bool?
    public var createdAt: Date
    public var expiresAt: Date
    @Nullable public var completedAt: Date?

    public init(
        id: SigningRequestID, agentId: AgentID, message: String, nonce: SigningNonce, signingInput: String,
        status: SigningRequestStatus, signature: String?, valid: Bool?, createdAt: Date, expiresAt: Date,
        completedAt: Date?
    ) {
        self.id = id
        self.agentId = agentId
        self.message = message
        self.nonce = nonce
        self.signingInput = signingInput
        self.status = status
        self.signature = signature
        self.valid = valid
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.completedAt = completedAt
    }
}

/// A page of the caller's signing requests, newest first (openapi `SigningRequestList`).
public struct SigningRequestList: Codable, Hashable, Sendable {
    public var items: [SigningRequest]
    /// The number of matching requests (not just this page).
    public var total: Int
    public var limit: Int
    public var offset: Int

    public init(items: [SigningRequest], total: Int, limit: Int, offset: Int) {
        self.items = items
        self.total = total
        self.limit = limit
        self.offset = offset
    }
}

/// The body of `POST /crypto/signing-requests` (createSigningRequest).
public struct NewSigningRequest: Codable, Hashable, Sendable, Validatable {
    public var message: String

    public init(message: String) {
        self.message = message
    }

    public func validate() -> [FieldError] {
        var check = FieldValidator()
        check.length(
            message, at: "/message", min: SigningLimits.messageLength.lowerBound,
            max: SigningLimits.messageLength.upperBound)
        return check.errors
    }
}

/// `{signature}`: the body of verifyCryptoSignature, verifyAgentSignature and submitSignature.
public struct SignatureBody: Codable, Hashable, Sendable, Validatable {
    /// Standard base64 of a 64-byte Ed25519 signature.
    public var signature: String

    public init(signature: String) {
        self.signature = signature
    }

    public func validate() -> [FieldError] {
        var check = FieldValidator()
        check.length(
            signature, at: "/signature", min: SigningLimits.signatureLength.lowerBound,
            max: SigningLimits.signatureLength.upperBound)
        return check.errors
    }
}

/// `{valid}`: the answer of `POST /crypto/verify` (openapi `CryptoVerifyResult`).
public struct CryptoVerifyResult: Codable, Hashable, Sendable {
    public var valid: Bool

    public init(valid: Bool) {
        self.valid = valid
    }
}

/// The caller's identity as its token states it (openapi `CryptoIdentity`, `GET /crypto/identity`).
public struct CryptoIdentity: Codable, Hashable, Sendable {
    public var identityId: AgentID
    /// `ed25519:<base64>`.
    public var publicKey: String
    public var fingerprint: Fingerprint

    public init(identityId: AgentID, publicKey: String, fingerprint: Fingerprint) {
        self.identityId = identityId
        self.publicKey = publicKey
        self.fingerprint = fingerprint
    }
}

/// The query of `GET /crypto/signing-requests` (listSigningRequests).
public struct SigningRequestListQuery: QueryParameters, Hashable {
    /// 1 to 100; 20 when absent.
    public var limit: Int?
    /// 0 or more; 0 when absent.
    public var offset: Int?
    /// Only requests in one of these states; sent comma-separated.
    public var status: [SigningRequestStatus]?

    /// Page size when `limit` is absent.
    public static let defaultLimit = 20
    /// Allowed page sizes.
    public static let limitRange = 1...100

    public init(limit: Int? = nil, offset: Int? = nil, status: [SigningRequestStatus]? = nil) {
        self.limit = limit
        self.offset = offset
        self.status = status
    }

    public init(queryItems: [QueryItem]) throws(ValidationFailure) {
        var reader = QueryReader(queryItems)
        limit = reader.integer("limit", in: Self.limitRange)
        offset = reader.integer("offset", minimum: 0)
        status = reader.members("status", pattern: .signingStatusList)
        try reader.finish()
    }

    public var queryItems: [QueryItem] {
        [
            limit.map { QueryItem("limit", String($0)) },
            offset.map { QueryItem("offset", String($0)) },
            status.map { QueryItem("status", $0.map(\.rawValue).joined(separator: ",")) },
        ].compactMap { $0 }
    }
}
