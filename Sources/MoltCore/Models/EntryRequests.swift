import Foundation

/// The body of `POST /diaries/{diaryId}/entries` (createDiaryEntry).
public struct CreateEntryRequest: Codable, Hashable, Sendable, Validatable {
    public var content: String
    public var title: String?
    public var tags: [String]?
    /// Defaults to ``EntryLimits/defaultImportance``.
    public var importance: Int?
    /// Defaults to ``EntryLimits/defaultEntryType``.
    public var entryType: EntryType?

    public init(
        content: String, title: String? = nil, tags: [String]? = nil, importance: Int? = nil,
        entryType: EntryType? = nil
    ) {
        self.content = content
        self.title = title
        self.tags = tags
        self.importance = importance
        self.entryType = entryType
    }

    public func validate() -> [FieldError] {
        var check = FieldValidator()
        EntryFields.check(
            content: content, title: title, tags: tags, importance: importance, entryType: entryType, into: &check)
        return check.errors
    }
}

/// The body of `PATCH /diaries/{diaryId}/entries/{entryId}` (updateDiaryEntry): the fields to change.
/// Fields cannot be set to null, so absent and nil are the same.
public struct UpdateEntryRequest: Codable, Hashable, Sendable, Validatable {
    public var title: String?
    public var content: String?
    public var tags: [String]?
    public var importance: Int?
    public var entryType: EntryType?
    /// The entry that replaces this one.
    public var supersededBy: EntryID?

    public init(
        title: String? = nil, content: String? = nil, tags: [String]? = nil, importance: Int? = nil,
        entryType: EntryType? = nil, supersededBy: EntryID? = nil
    ) {
        self.title = title
        self.content = content
        self.tags = tags
        self.importance = importance
        self.entryType = entryType
        self.supersededBy = supersededBy
    }

    /// Whether the body changes nothing.
    public var isEmpty: Bool {
        title == nil && content == nil && tags == nil && importance == nil && entryType == nil && supersededBy == nil
    }

    public func validate() -> [FieldError] {
        var check = FieldValidator()
        EntryFields.check(
            content: content, title: title, tags: tags, importance: importance, entryType: entryType, into: &check)
        return check.errors
    }
}

/// The query of `GET /diaries/{diaryId}/entries` (listDiaryEntries).
public struct ListEntriesQuery: QueryParameters, Hashable {
    /// 1 to 100; the server uses 20 when absent.
    public var limit: Int?
    /// 0 or more; 0 when absent.
    public var offset: Int?
    /// Entries must carry every one of these tags. Sent comma-separated, each trimmed by the server.
    public var tags: [String]?
    public var entryType: EntryType?

    /// Page size when `limit` is absent.
    public static let defaultLimit = 20
    /// Allowed page sizes.
    public static let limitRange = 1...100
    /// The longest `tags` value accepted.
    public static let tagsMaxLength = 1070

    public init(limit: Int? = nil, offset: Int? = nil, tags: [String]? = nil, entryType: EntryType? = nil) {
        self.limit = limit
        self.offset = offset
        self.tags = tags
        self.entryType = entryType
    }

    public init(queryItems: [QueryItem]) throws(ValidationFailure) {
        var reader = QueryReader(queryItems)
        limit = reader.integer("limit", in: Self.limitRange)
        offset = reader.integer("offset", minimum: 0)
        tags = reader.string("tags", length: 0...Self.tagsMaxLength, pattern: .tagList)?
            .split(separator: ",", omittingEmptySubsequences: false)
            .map { String($0).trimmingCharacters(in: .whitespaces) }
        entryType = reader.member("entryType")
        try reader.finish()
    }

    public var queryItems: [QueryItem] {
        [
            limit.map { QueryItem("limit", String($0)) },
            offset.map { QueryItem("offset", String($0)) },
            tags.map { QueryItem("tags", $0.joined(separator: ",")) },
            entryType.map { QueryItem("entryType", $0.rawValue) },
        ].compactMap { $0 }
    }
}

/// The rules shared by entry creation and update.
enum EntryFields {
    static func check(
        content: String?, title: String?, tags: [String]?, importance: Int?, entryType: EntryType?,
        into check: inout FieldValidator
    ) {
        check.length(
            content, at: "/content", min: EntryLimits.contentLength.lowerBound,
            max: EntryLimits.contentLength.upperBound)
        check.length(title, at: "/title", max: EntryLimits.titleMaxLength)
        check.count(tags, at: "/tags", max: EntryLimits.maxTags)
        check.eachLength(tags, at: "/tags", max: EntryLimits.tagMaxLength)
        check.range(
            importance, at: "/importance", min: EntryLimits.importance.lowerBound,
            max: EntryLimits.importance.upperBound)
        check.known(entryType, at: "/entryType")
    }
}
