import Foundation
package import MoltCore
package import MoltPostgres

/// Hybrid search over diary entries (spec §5.6): the nearest vectors by cosine (HNSW) and the best full-text
/// matches, each the top `2·limit`, fused by reciprocal rank (k = 60) and weighted by relevance, recency
/// (`0.99^hours` since last access or creation) and importance.
package struct SearchRepository: Sendable {
    /// Which entries a search may see.
    package enum Scope: Sendable {
        /// Entries of these diaries.
        case diaries([DiaryID])
        /// Entries of public diaries, with their authors.
        case publicDiaries
    }

    /// A search's inputs after defaults.
    package struct Query: Sendable {
        package var text: String?
        package var embedding: [Float]?
        /// The model that made `embedding`: only vectors of that model are compared with it (nil: any, for
        /// callers that know the table holds one model).
        package var embeddingModel: String?
        package var scope: Scope
        package var tags: [String]?
        package var entryTypes: [EntryType]?
        package var excludeSuperseded = false
        package var limit = SearchLimits.defaultLimit
        package var relevanceWeight = 1.0
        package var recencyWeight = 0.0
        package var importanceWeight = 0.0

        package init(
            text: String? = nil, embedding: [Float]? = nil, scope: Scope, tags: [String]? = nil,
            entryTypes: [EntryType]? = nil, excludeSuperseded: Bool = false, limit: Int = SearchLimits.defaultLimit,
            relevanceWeight: Double = 1.0, recencyWeight: Double = 0.0, importanceWeight: Double = 0.0
        ) {
            self.text = text
            self.embedding = embedding
            self.scope = scope
            self.tags = tags
            self.entryTypes = entryTypes
            self.excludeSuperseded = excludeSuperseded
            self.limit = limit
            self.relevanceWeight = relevanceWeight
            self.recencyWeight = recencyWeight
            self.importanceWeight = importanceWeight
        }
    }

    /// One result: the entry, its score, and (public scope) its author.
    package struct Hit: Sendable {
        package let entry: DiaryEntry
        package let score: Double
        package let author: PublicFeedEntry.Author?
    }

    static let rrfK = 60

    let database: PostgresPool

    package init(database: PostgresPool) {
        self.database = database
    }

    package func search(_ query: Query) async throws -> [Hit] {
        let text = query.text.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        guard text != nil || query.embedding != nil else { return [] }
        let candidates = query.limit * 2
        let filter = Self.filter(query)
        var lists: [SQL] = []
        if let embedding = query.embedding {
            let vector = Self.vectorLiteral(embedding)
            let sameModel: SQL = query.embeddingModel.map { " AND e.embedding_model = \($0)" } ?? ""
            lists.append(
                """
                SELECT id, row_number() OVER (ORDER BY distance) AS vector_rank, NULL::bigint AS text_rank FROM (
                    SELECT e.id, e.embedding <=> \(vector)::vector AS distance FROM diary_entries e
                    WHERE \(filter) AND e.embedding IS NOT NULL\(sameModel)
                    ORDER BY e.embedding <=> \(vector)::vector LIMIT \(candidates)) nearest
                """)
        }
        if let text {
            lists.append(
                """
                SELECT id, NULL::bigint AS vector_rank, row_number() OVER (ORDER BY rank DESC, created_at DESC) AS text_rank
                FROM (
                    SELECT e.id, e.created_at, ts_rank(e.search_document, q) AS rank
                    FROM diary_entries e, websearch_to_tsquery('english', \(text)) q
                    WHERE \(filter) AND e.search_document @@ q
                    ORDER BY rank DESC, e.created_at DESC LIMIT \(candidates)) matches
                """)
        }
        let author: SQL =
            if case .publicDiaries = query.scope {
                ", k.fingerprint AS author_fingerprint, k.public_key AS author_public_key"
            } else { "" }
        let authorJoin: SQL =
            if case .publicDiaries = query.scope {
                " JOIN diaries d ON d.id = e.diary_id JOIN agent_keys k ON k.identity_id = d.owner_id"
            } else { "" }
        let sql: SQL = """
            WITH ranked AS (\(SQL.joined(lists, separator: " UNION ALL "))),
            fused AS (
                SELECT id, coalesce(1.0 / (\(Self.rrfK) + min(vector_rank)), 0)
                           + coalesce(1.0 / (\(Self.rrfK) + min(text_rank)), 0) AS rrf
                FROM ranked GROUP BY id)
            SELECT \(EntryRepository.prefixedColumns)\(author),
                   \(query.relevanceWeight) * fused.rrf
                   + \(query.recencyWeight) * power(0.99, extract(epoch FROM now() - coalesce(e.last_accessed_at, e.created_at)) / 3600.0)
                   + \(query.importanceWeight) * e.importance / 10.0 AS score
            FROM fused JOIN diary_entries e ON e.id = fused.id\(authorJoin)
            ORDER BY score DESC, e.created_at DESC, e.id LIMIT \(query.limit)
            """
        let rows = try await database.withTransaction { connection in
            // Filtered nearest-neighbour scans keep walking the graph until enough rows pass the filter.
            try await connection.query("SET LOCAL hnsw.iterative_scan = relaxed_order")
            try await connection.query(SQL(stringLiteral: "SET LOCAL hnsw.ef_search = 100"))
            return try await connection.query(sql).rows
        }
        return try rows.map { row in
            var entry = try EntryRepository.entry(row)
            let score = try row.decode("score", as: Double.self)
            entry.score = score
            let author: PublicFeedEntry.Author? =
                row.hasColumn("author_fingerprint")
                ? PublicFeedEntry.Author(
                    fingerprint: try Fingerprint(parsing: try row.decode("author_fingerprint", as: String.self)),
                    publicKey: try row.decode("author_public_key")) : nil
            return Hit(entry: entry, score: score, author: author)
        }
    }

    /// Entries of the scope without a query: newest first, with an offset (the reference's list mode).
    func list(_ query: Query, offset: Int) async throws -> [DiaryEntry] {
        try await database.query(
            """
            SELECT \(EntryRepository.prefixedColumns) FROM diary_entries e WHERE \(Self.filter(query))
            ORDER BY e.created_at DESC, e.id DESC LIMIT \(query.limit) OFFSET \(offset)
            """
        ).rows.map(EntryRepository.entry)
    }

    private static func filter(_ query: Query) -> SQL {
        var parts: [SQL] = []
        switch query.scope {
        case .diaries(let ids): parts.append("e.diary_id = ANY(\(ids.map(\.rawValue))::uuid[])")
        case .publicDiaries: parts.append("e.diary_id IN (SELECT id FROM diaries WHERE visibility = 'public')")
        }
        if let tags = query.tags, !tags.isEmpty { parts.append("e.tags @> \(tags)::text[]") }
        if let types = query.entryTypes, !types.isEmpty {
            parts.append("e.entry_type::text = ANY(\(types.map(\.rawValue)))")
        }
        if query.excludeSuperseded { parts.append("e.superseded_by IS NULL") }
        return SQL.joined(parts, separator: " AND ")
    }

    /// pgvector's text form, `[0.1,0.2,…]`.
    static func vectorLiteral(_ vector: [Float]) -> String {
        "[" + vector.map { "\($0)" }.joined(separator: ",") + "]"
    }
}
