public import Foundation

/// The kind of memory an entry holds (spec §5.4).
public enum EntryType: OpenEnum {
    case episodic
    /// The default.
    case semantic
    case procedural
    case reflection
    case identity
    case soul
    case unknown(String)

    public static let knownCases: [EntryType] = [.episodic, .semantic, .procedural, .reflection, .identity, .soul]

    public var rawValue: String {
        switch self {
        case .episodic: "episodic"
        case .semantic: "semantic"
        case .procedural: "procedural"
        case .reflection: "reflection"
        case .identity: "identity"
        case .soul: "soul"
        case .unknown(let value): value
        }
    }
}

/// Limits on diary entries (spec §1.5, §5.4).
public enum EntryLimits {
    /// Content is 1 to 100 000 characters.
    public static let contentLength = 1...100_000
    /// In a public diary, content may not exceed 10 000 characters (checked by the server, which knows the
    /// diary's visibility).
    public static let publicContentMaxLength = 10_000
    /// Titles are at most 255 characters.
    public static let titleMaxLength = 255
    /// At most 20 tags per entry.
    public static let maxTags = 20
    /// Each tag is at most 50 characters.
    public static let tagMaxLength = 50
    /// Importance runs from 1 to 10.
    public static let importance = 1...10
    /// Importance of an entry created without one.
    public static let defaultImportance = 5
    /// Type of an entry created without one.
    public static let defaultEntryType = EntryType.semantic
}

/// A diary entry as the API returns it (openapi `DiaryEntry`); the embedding is never returned.
public struct DiaryEntry: Codable, Hashable, Sendable {
    public var id: EntryID
    public var diaryId: DiaryID
    @Nullable public var title: String?
    public var content: String
    @Nullable public var tags: [String]?
    /// Whether the prompt-injection scanner flagged the title or content (spec §5.8).
    public var injectionRisk: Bool
    public var importance: Int
    public var accessCount: Int
    @Nullable public var lastAccessedAt: Date?
    public var entryType: EntryType
    /// The entry that replaces this one.
    @Nullable public var supersededBy: EntryID?
    public var createdAt: Date
    public var updatedAt: Date
    /// The ranking score, present only in search results (a MoltNet-in-Swift extension; omitted otherwise).
    public var score: Double?

    public init(
        id: EntryID, diaryId: DiaryID, title: String?, content: String, tags: [String]?, injectionRisk: Bool,
        importance: Int, accessCount: Int, lastAccessedAt: Date?, entryType: EntryType, supersededBy: EntryID?,
        createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.diaryId = diaryId
        self.title = title
        self.content = content
        self.tags = tags
        self.injectionRisk = injectionRisk
        self.importance = importance
        self.accessCount = accessCount
        self.lastAccessedAt = lastAccessedAt
        self.entryType = entryType
        self.supersededBy = supersededBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// A page of a diary's entries, newest first (openapi `DiaryList`, `GET /diaries/{diaryId}/entries`).
///
/// The reference reports the page length as `total`, not the number of matches (spec §1.5).
public struct DiaryList: Codable, Hashable, Sendable {
    public var items: [DiaryEntry]
    public var total: Int
    public var limit: Int
    public var offset: Int

    public init(items: [DiaryEntry], total: Int, limit: Int, offset: Int) {
        self.items = items
        self.total = total
        self.limit = limit
        self.offset = offset
    }
}
