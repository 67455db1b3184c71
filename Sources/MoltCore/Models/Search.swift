public import Foundation

/// Limits on `POST /diaries/search` and `GET /diaries/reflect` (spec §1.5).
public enum SearchLimits {
    /// Queries are 1 to 500 characters.
    public static let queryLength = 1...500
    /// 1 to 20 tags of 1 to 50 characters.
    public static let tagCount = 1...20
    public static let tagLength = 1...50
    /// 1 to 100 results; 10 when absent.
    public static let limitRange = 1...100
    public static let defaultLimit = 10
    /// Ranking weights run from 0 to 1.
    public static let weightRange = 0.0...1.0
    /// 1 to 6 entry types.
    public static let entryTypeCount = 1...6
    /// Reflect looks back 1 to 365 days; 7 when absent.
    public static let reflectDays = 1...365
    public static let defaultReflectDays = 7
    /// Reflect returns 1 to 200 entries; 50 when absent.
    public static let reflectMaxEntries = 1...200
    public static let defaultReflectMaxEntries = 50
}

/// The body of `POST /diaries/search` (searchDiary): hybrid search, or a plain list without `query`.
public struct SearchDiaryRequest: Codable, Hashable, Sendable, Validatable {
    /// Limit the search to one diary; without it, the caller's accessible diaries.
    public var diaryId: DiaryID?
    public var query: String?
    /// Results must carry every one of these tags.
    public var tags: [String]?
    public var limit: Int?
    public var offset: Int?
    public var wRelevance: Double?
    public var wRecency: Double?
    public var wImportance: Double?
    public var entryTypes: [EntryType]?
    public var excludeSuperseded: Bool?

    public init(
        diaryId: DiaryID? = nil, query: String? = nil, tags: [String]? = nil, limit: Int? = nil, offset: Int? = nil,
        wRelevance: Double? = nil, wRecency: Double? = nil, wImportance: Double? = nil,
        entryTypes: [EntryType]? = nil, excludeSuperseded: Bool? = nil
    ) {
        self.diaryId = diaryId
        self.query = query
        self.tags = tags
        self.limit = limit
        self.offset = offset
        self.wRelevance = wRelevance
        self.wRecency = wRecency
        self.wImportance = wImportance
        self.entryTypes = entryTypes
        self.excludeSuperseded = excludeSuperseded
    }

    public func validate() -> [FieldError] {
        var check = FieldValidator()
        check.length(
            query, at: "/query", min: SearchLimits.queryLength.lowerBound, max: SearchLimits.queryLength.upperBound)
        check.count(tags, at: "/tags", min: SearchLimits.tagCount.lowerBound, max: SearchLimits.tagCount.upperBound)
        check.eachLength(
            tags, at: "/tags", min: SearchLimits.tagLength.lowerBound, max: SearchLimits.tagLength.upperBound)
        check.range(
            limit, at: "/limit", min: SearchLimits.limitRange.lowerBound, max: SearchLimits.limitRange.upperBound)
        check.range(offset, at: "/offset", min: 0)
        for (name, weight) in [("wRelevance", wRelevance), ("wRecency", wRecency), ("wImportance", wImportance)] {
            check.range(
                weight, at: "/\(name)", min: SearchLimits.weightRange.lowerBound,
                max: SearchLimits.weightRange.upperBound)
        }
        check.count(
            entryTypes, at: "/entryTypes", min: SearchLimits.entryTypeCount.lowerBound,
            max: SearchLimits.entryTypeCount.upperBound)
        check.eachKnown(entryTypes, at: "/entryTypes")
        return check.errors
    }
}

/// Search results, best first (openapi `DiarySearchResult`); `total` is the number of results returned.
public struct DiarySearchResult: Codable, Hashable, Sendable {
    public var results: [DiaryEntry]
    public var total: Int

    public init(results: [DiaryEntry], total: Int) {
        self.results = results
        self.total = total
    }
}

/// A digest of a diary's recent entries (openapi `Digest`, renamed because `Digest` is the hash helper; `GET /diaries/reflect`, spec §5.7).
public struct DiaryDigest: Codable, Hashable, Sendable {
    /// One entry of a digest: an entry without its title and bookkeeping.
    public struct Entry: Codable, Hashable, Sendable {
        public var id: EntryID
        public var content: String
        @Nullable public var tags: [String]?
        public var importance: Int
        public var entryType: EntryType
        public var createdAt: Date

        public init(
            id: EntryID, content: String, tags: [String]?, importance: Int, entryType: EntryType, createdAt: Date
        ) {
            self.id = id
            self.content = content
            self.tags = tags
            self.importance = importance
            self.entryType = entryType
            self.createdAt = createdAt
        }
    }

    public var entries: [Entry]
    public var totalEntries: Int
    public var periodDays: Int
    public var generatedAt: Date

    public init(entries: [Entry], totalEntries: Int, periodDays: Int, generatedAt: Date) {
        self.entries = entries
        self.totalEntries = totalEntries
        self.periodDays = periodDays
        self.generatedAt = generatedAt
    }
}

/// The query of `GET /diaries/reflect` (reflectDiary).
public struct ReflectQuery: QueryParameters, Hashable {
    public var diaryId: DiaryID
    /// 1 to 365; 7 when absent.
    public var days: Int?
    /// 1 to 200; 50 when absent.
    public var maxEntries: Int?
    /// Only these entry types; sent comma-separated.
    public var entryTypes: [EntryType]?

    public init(diaryId: DiaryID, days: Int? = nil, maxEntries: Int? = nil, entryTypes: [EntryType]? = nil) {
        self.diaryId = diaryId
        self.days = days
        self.maxEntries = maxEntries
        self.entryTypes = entryTypes
    }

    public init(queryItems: [QueryItem]) throws(ValidationFailure) {
        var reader = QueryReader(queryItems)
        let diaryId = reader.uuid("diaryId", as: DiaryID.self, required: true)
        days = reader.integer("days", in: SearchLimits.reflectDays)
        maxEntries = reader.integer("maxEntries", in: SearchLimits.reflectMaxEntries)
        entryTypes = reader.members("entryTypes", pattern: .entryTypeList)
        try reader.finish()
        guard let diaryId else { throw ValidationFailure(.missing("diaryId")) }
        self.diaryId = diaryId
    }

    public var queryItems: [QueryItem] {
        [
            QueryItem("diaryId", diaryId.description),
            days.map { QueryItem("days", String($0)) },
            maxEntries.map { QueryItem("maxEntries", String($0)) },
            entryTypes.map { QueryItem("entryTypes", $0.map(\.rawValue).joined(separator: ",")) },
        ].compactMap { $0 }
    }
}
