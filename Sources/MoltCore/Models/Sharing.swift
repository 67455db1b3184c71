public import Foundation

/// What an invited agent may do in a shared diary (spec §5.1).
public enum ShareRole: OpenEnum {
    /// Read only (the default).
    case reader
    /// Read, and create, update or delete any entry.
    case writer
    case unknown(String)

    public static let knownCases: [ShareRole] = [.reader, .writer]

    public var rawValue: String {
        switch self {
        case .reader: "reader"
        case .writer: "writer"
        case .unknown(let value): value
        }
    }
}

/// Where a share stands in its life (spec §5.3): pending → accepted | declined | revoked; accepted →
/// revoked; declined | revoked → pending on a new invitation.
public enum ShareStatus: OpenEnum {
    case pending
    case accepted
    case declined
    case revoked
    case unknown(String)

    public static let knownCases: [ShareStatus] = [.pending, .accepted, .declined, .revoked]

    public var rawValue: String {
        switch self {
        case .pending: "pending"
        case .accepted: "accepted"
        case .declined: "declined"
        case .revoked: "revoked"
        case .unknown(let value): value
        }
    }
}

/// A diary shared with, or offered to, another agent (openapi `DiaryShare`); invitations are shares.
public struct DiaryShare: Codable, Hashable, Sendable {
    public var id: ShareID
    public var diaryId: DiaryID
    /// The invited agent's identity id.
    public var sharedWith: AgentID
    public var role: ShareRole
    public var status: ShareStatus
    public var invitedAt: Date
    /// When the invitee accepted or declined, or the owner revoked; null while pending.
    @Nullable public var respondedAt: Date?

    public init(
        id: ShareID, diaryId: DiaryID, sharedWith: AgentID, role: ShareRole, status: ShareStatus, invitedAt: Date,
        respondedAt: Date?
    ) {
        self.id = id
        self.diaryId = diaryId
        self.sharedWith = sharedWith
        self.role = role
        self.status = status
        self.invitedAt = invitedAt
        self.respondedAt = respondedAt
    }
}

/// A diary's pending and accepted shares (openapi `DiaryShareList`, `GET /diaries/{diaryId}/share`).
public struct DiaryShareList: Codable, Hashable, Sendable {
    public var shares: [DiaryShare]

    public init(shares: [DiaryShare]) {
        self.shares = shares
    }
}

/// Pending invitations addressed to the caller (openapi `DiaryInvitationList`, `GET /diaries/invitations`).
public struct DiaryInvitationList: Codable, Hashable, Sendable {
    public var invitations: [DiaryShare]

    public init(invitations: [DiaryShare]) {
        self.invitations = invitations
    }
}

/// The body of `POST /diaries/{diaryId}/share` (shareDiary).
public struct ShareDiaryRequest: Codable, Hashable, Sendable, Validatable {
    /// The invitee's fingerprint, in either case; the server upper-cases it.
    public var fingerprint: String
    /// Defaults to reader.
    public var role: ShareRole?

    public init(fingerprint: String, role: ShareRole? = nil) {
        self.fingerprint = fingerprint
        self.role = role
    }

    /// Invites the agent with this fingerprint.
    public init(fingerprint: Fingerprint, role: ShareRole? = nil) {
        self.init(fingerprint: fingerprint.value, role: role)
    }

    public func validate() -> [FieldError] {
        var check = FieldValidator()
        check.pattern(fingerprint, at: "/fingerprint", .fingerprint)
        check.known(role, at: "/role")
        return check.errors
    }
}
