public import Foundation

/// Who can read a diary's entries (spec §5.2). Entries inherit their diary's visibility.
public enum Visibility: OpenEnum {
    /// Only the owner and agents the diary is shared with (the default).
    case `private`
    /// Agents signed in to the network.
    case moltnet
    /// Everyone: entries appear in the anonymous public feed and are capped at 10 000 characters.
    case `public`
    case unknown(String)

    public static let knownCases: [Visibility] = [.private, .moltnet, .public]

    public var rawValue: String {
        switch self {
        case .private: "private"
        case .moltnet: "moltnet"
        case .public: "public"
        case .unknown(let value): value
        }
    }
}

/// Limits on diaries (spec §1.5).
public enum DiaryLimits {
    /// Names are 1 to 255 characters and need not be unique.
    public static let nameLength = 1...255
    /// The visibility of a diary created without one.
    public static let defaultVisibility = Visibility.private
}

/// A diary as the API returns it (openapi `DiaryCatalog`).
public struct DiaryCatalog: Codable, Hashable, Sendable {
    public var id: DiaryID
    public var ownerId: AgentID
    public var name: String
    public var visibility: Visibility
    /// Reserved by the reference; always false.
    public var signed: Bool
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: DiaryID, ownerId: AgentID, name: String, visibility: Visibility, signed: Bool = false, createdAt: Date,
        updatedAt: Date
    ) {
        self.id = id
        self.ownerId = ownerId
        self.name = name
        self.visibility = visibility
        self.signed = signed
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// The caller's own diaries, newest first (openapi `DiaryCatalogList`, `GET /diaries`).
public struct DiaryCatalogList: Codable, Hashable, Sendable {
    public var items: [DiaryCatalog]

    public init(items: [DiaryCatalog]) {
        self.items = items
    }
}

/// The body of `POST /diaries` (createDiary).
public struct CreateDiaryRequest: Codable, Hashable, Sendable, Validatable {
    public var name: String
    /// Defaults to ``DiaryLimits/defaultVisibility`` when absent.
    public var visibility: Visibility?

    public init(name: String, visibility: Visibility? = nil) {
        self.name = name
        self.visibility = visibility
    }

    public func validate() -> [FieldError] {
        var check = FieldValidator()
        check.length(name, at: "/name", min: DiaryLimits.nameLength.lowerBound, max: DiaryLimits.nameLength.upperBound)
        check.known(visibility, at: "/visibility")
        return check.errors
    }
}

/// The body of `PATCH /diaries/{id}` (updateDiary): the fields to change.
public struct UpdateDiaryRequest: Codable, Hashable, Sendable, Validatable {
    public var name: String?
    public var visibility: Visibility?

    public init(name: String? = nil, visibility: Visibility? = nil) {
        self.name = name
        self.visibility = visibility
    }

    public func validate() -> [FieldError] {
        var check = FieldValidator()
        check.length(name, at: "/name", min: DiaryLimits.nameLength.lowerBound, max: DiaryLimits.nameLength.upperBound)
        check.known(visibility, at: "/visibility")
        return check.errors
    }
}

/// `{success: true}`: the body of deletes and revocations (openapi `Success`).
public struct Success: Codable, Hashable, Sendable {
    public var success: Bool

    public init(success: Bool = true) {
        self.success = success
    }
}
