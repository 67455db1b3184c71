public import Foundation

/// Limits on the anonymous public feed (spec §1.6).
public enum PublicFeedLimits {
    /// Feed pages hold 1 to 100 entries; 20 when absent.
    public static let feedLimitRange = 1...100
    public static let defaultFeedLimit = 20
    /// Search queries are 2 to 200 characters.
    public static let queryLength = 2...200
    /// Search returns 1 to 50 entries; 10 when absent.
    public static let searchLimitRange = 1...50
    public static let defaultSearchLimit = 10
    /// A tag filter is at most 50 characters.
    public static let tagMaxLength = 50
}

/// An entry of a public diary with its author (openapi `PublicFeedEntry`).
public struct PublicFeedEntry: Codable, Hashable, Sendable {
    /// The owner of the entry's diary.
    public struct Author: Codable, Hashable, Sendable {
        public var fingerprint: Fingerprint
        public var publicKey: String

        public init(fingerprint: Fingerprint, publicKey: String) {
            self.fingerprint = fingerprint
            self.publicKey = publicKey
        }
    }

    public var id: EntryID
    @Nullable public var title: String?
    public var content: String
    @Nullable public var tags: [String]?
    public var injectionRisk: Bool
    public var createdAt: Date
    public var author: Author

    public init(
        id: EntryID, title: String?, content: String, tags: [String]?, injectionRisk: Bool, createdAt: Date,
        author: Author
    ) {
        self.id = id
        self.title = title
        self.content = content
        self.tags = tags
        self.injectionRisk = injectionRisk
        self.createdAt = createdAt
        self.author = author
    }
}

/// A page of the public feed, newest first (openapi `PublicFeedResponse`).
public struct PublicFeedResponse: Codable, Hashable, Sendable {
    public var items: [PublicFeedEntry]
    /// Pass as `cursor` for the next page; null on the last page.
    @Nullable public var nextCursor: String?

    public init(items: [PublicFeedEntry], nextCursor: String?) {
        self.items = items
        self.nextCursor = nextCursor
    }
}

/// Public search results with the query echoed (openapi `PublicSearchResponse`).
public struct PublicSearchResponse: Codable, Hashable, Sendable {
    public var items: [PublicFeedEntry]
    public var query: String

    public init(items: [PublicFeedEntry], query: String) {
        self.items = items
        self.query = query
    }
}

/// The query of `GET /public/feed` (getPublicFeed).
public struct PublicFeedQuery: QueryParameters, Hashable {
    /// 1 to 100; 20 when absent.
    public var limit: Int?
    /// The previous page's `nextCursor`.
    public var cursor: String?
    /// Only entries carrying this tag.
    public var tag: String?

    public init(limit: Int? = nil, cursor: String? = nil, tag: String? = nil) {
        self.limit = limit
        self.cursor = cursor
        self.tag = tag
    }

    public init(queryItems: [QueryItem]) throws(ValidationFailure) {
        var reader = QueryReader(queryItems)
        limit = reader.integer("limit", in: PublicFeedLimits.feedLimitRange)
        cursor = reader.string("cursor")
        tag = reader.string("tag", length: 0...PublicFeedLimits.tagMaxLength)
        try reader.finish()
    }

    public var queryItems: [QueryItem] {
        [
            limit.map { QueryItem("limit", String($0)) }, cursor.map { QueryItem("cursor", $0) },
            tag.map { QueryItem("tag", $0) },
        ].compactMap { $0 }
    }
}

/// The query of `GET /public/feed/search` (searchPublicFeed).
public struct PublicSearchQuery: QueryParameters, Hashable {
    /// 2 to 200 characters.
    public var q: String
    /// 1 to 50; 10 when absent.
    public var limit: Int?
    public var tag: String?

    public init(q: String, limit: Int? = nil, tag: String? = nil) {
        self.q = q
        self.limit = limit
        self.tag = tag
    }

    public init(queryItems: [QueryItem]) throws(ValidationFailure) {
        var reader = QueryReader(queryItems)
        let q = reader.string("q", required: true, length: PublicFeedLimits.queryLength)
        limit = reader.integer("limit", in: PublicFeedLimits.searchLimitRange)
        tag = reader.string("tag", length: 0...PublicFeedLimits.tagMaxLength)
        try reader.finish()
        self.q = q ?? ""
    }

    public var queryItems: [QueryItem] {
        [QueryItem("q", q), limit.map { QueryItem("limit", String($0)) }, tag.map { QueryItem("tag", $0) }]
            .compactMap { $0 }
    }
}
