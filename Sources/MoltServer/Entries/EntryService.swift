import MoltCore

/// The rules of entries (spec §5.4): writers create, edit and delete; readers read; every text is scanned
/// for prompt injection; entries of public diaries are capped at 10 000 characters; reads count accesses.
///
/// Compared with the reference (spec §9 #7): a missing entry, or one in another diary, is 404 on every route,
/// and so is an entry the caller may not read (denied reads of private data never reveal existence).
struct EntryService: Sendable {
    let diaries: DiaryService
    let entries: EntryRepository
    let access: DiaryAccess
    let grants: PermissionWorkflows
    let scanner: InjectionScanner
    /// Called after an entry's text was created or changed, to (re)compute its embedding off the request path.
    let textChanged: @Sendable (EntryID) async -> Void

    static let entryNotFound = ProblemDetails(.notFound, detail: "Entry not found")

    func create(in diaryID: DiaryID, _ request: CreateEntryRequest, by caller: AuthContext) async throws -> DiaryEntry {
        guard let diary = try await diaries.diaries.find(diaryID) else {
            throw ProblemDetails(.notFound, detail: "Diary not found")
        }
        guard try await access.allows(.write, diary, for: caller) else {
            if try await access.allows(.read, diary, for: caller) {
                throw ProblemDetails(.forbidden, detail: "You do not have write access to this diary")
            }
            throw ProblemDetails(.notFound, detail: "Diary not found")
        }
        try Self.checkPublicLength(request.content, in: diary)
        let risk = scanner.scan(title: request.title, content: request.content).isRisky
        let entry = try await entries.create(
            EntryRepository.NewEntry(
                diaryID: diaryID, title: request.title, content: request.content, tags: request.tags,
                importance: request.importance ?? EntryLimits.defaultImportance,
                entryType: request.entryType ?? EntryLimits.defaultEntryType, injectionRisk: risk))
        do {
            try await grants.grantParent(entry: entry.id, diary: diaryID)
        } catch {
            // The reference compensates a failed parent grant by deleting the entry (spec §5.4).
            _ = try? await entries.delete(entry.id)
            throw error
        }
        await textChanged(entry.id)
        return entry
    }

    /// A page of the diary's entries. Unfiltered, the diary, the page and the total come in one query and
    /// access is decided on the diary read with them (the page is dropped when it is refused).
    func list(in diaryID: DiaryID, _ query: ListEntriesQuery, by caller: AuthContext) async throws -> DiaryList {
        let limit = query.limit ?? ListEntriesQuery.defaultLimit
        let offset = query.offset ?? 0
        if query.isUnfiltered {
            return try await readablePage(diaryID, limit: limit, offset: offset, by: caller).list
        }
        _ = try await diaries.readable(diaryID, by: caller)
        let page = try await entries.list(
            in: diaryID, tags: query.tags, entryType: query.entryType, limit: limit, offset: offset)
        return DiaryList(items: page.entries, total: page.total, limit: limit, offset: offset)
    }

    /// ``list(in:_:by:)`` as the encoded `DiaryList`. Unfiltered pages come from `DiaryPageCache` when it
    /// holds a fresh one and are kept there otherwise; the caller's access is decided on every call.
    func listEncoded(in diaryID: DiaryID, _ query: ListEntriesQuery, by caller: AuthContext) async throws -> [UInt8] {
        guard query.isUnfiltered else {
            return Array(try JSONCoding.encode(try await list(in: diaryID, query, by: caller)))
        }
        let limit = query.limit ?? ListEntriesQuery.defaultLimit
        let offset = query.offset ?? 0
        let pages = entries.pages
        if let cached = pages.page(diaryID, limit: limit, offset: offset) {
            guard try await access.allows(.read, cached.diary, for: caller) else { throw DiaryService.notFound }
            return cached.body
        }
        let ticket = pages.ticket()
        let (diary, list) = try await readablePage(diaryID, limit: limit, offset: offset, by: caller)
        let body = Array(try JSONCoding.encode(list))
        pages.store(DiaryPageCache.Page(diary: diary, body: body), limit: limit, offset: offset, ticket: ticket)
        return body
    }

    /// An unfiltered page read in one query with its diary, when the caller may read that diary (404 otherwise).
    private func readablePage(_ diaryID: DiaryID, limit: Int, offset: Int, by caller: AuthContext) async throws
        -> (diary: DiaryCatalog, list: DiaryList)
    {
        guard let page = try await entries.diaryPage(diaryID, limit: limit, offset: offset),
            try await access.allows(.read, page.diary, for: caller)
        else { throw DiaryService.notFound }
        return (page.diary, DiaryList(items: page.entries, total: page.total, limit: limit, offset: offset))
    }

    /// The entry with this read counted (404 unless it is in a diary the caller can read).
    ///
    /// When the caller owns the diary or it is not private, one statement reads the diary and counts the read;
    /// otherwise the permission engine decides first and the read follows.
    func get(_ entryID: EntryID, in diaryID: DiaryID, by caller: AuthContext) async throws -> DiaryEntry {
        guard let found = try await entries.readWithDiary(entryID, in: diaryID, reader: caller.agentID) else {
            throw DiaryService.notFound
        }
        if let entry = found.entry { return entry }
        let openToCaller = found.diary.ownerId == caller.agentID || found.diary.visibility != .private
        if openToCaller { throw Self.entryNotFound }
        guard try await access.allows(.read, found.diary, for: caller) else { throw DiaryService.notFound }
        guard let entry = try await entries.read(entryID, in: diaryID) else { throw Self.entryNotFound }
        return entry
    }

    func update(_ entryID: EntryID, in diaryID: DiaryID, _ request: UpdateEntryRequest, by caller: AuthContext)
        async throws -> DiaryEntry
    {
        let (diary, entry) = try await writableEntry(entryID, in: diaryID, by: caller)
        if let content = request.content { try Self.checkPublicLength(content, in: diary) }
        if let target = request.supersededBy {
            guard target != entryID else {
                throw ValidationFailure(FieldError(field: "/supersededBy", message: "must not be the entry itself"))
            }
            guard try await entries.exists(target) else {
                throw ValidationFailure(FieldError(field: "/supersededBy", message: "must name an existing entry"))
            }
        }
        let textChanged =
            request.content.map { $0 != entry.content } == true
            || request.title.map { $0 != entry.title } == true
        var changes = EntryRepository.Changes(
            title: request.title, content: request.content, tags: request.tags, importance: request.importance,
            entryType: request.entryType, supersededBy: request.supersededBy)
        if textChanged {
            changes.injectionRisk =
                scanner.scan(
                    title: request.title ?? entry.title, content: request.content ?? entry.content
                ).isRisky
        }
        changes.clearsEmbedding = textChanged || request.tags.map { $0 != entry.tags } == true
        guard let updated = try await entries.update(entryID, changes) else { throw Self.entryNotFound }
        if changes.clearsEmbedding { await self.textChanged(entryID) }
        return updated
    }

    func delete(_ entryID: EntryID, in diaryID: DiaryID, by caller: AuthContext) async throws {
        _ = try await writableEntry(entryID, in: diaryID, by: caller)
        guard try await entries.delete(entryID) else { throw Self.entryNotFound }
        try await grants.removeRelations(of: entryID)
    }

    /// The diary and entry, when the caller can read the diary (404) and write it (403).
    private func writableEntry(_ entryID: EntryID, in diaryID: DiaryID, by caller: AuthContext) async throws
        -> (DiaryCatalog, DiaryEntry)
    {
        let diary = try await diaries.readable(diaryID, by: caller)
        guard let entry = try await entries.find(entryID), entry.diaryId == diaryID else { throw Self.entryNotFound }
        guard try await access.allows(.write, diary, for: caller) else {
            throw ProblemDetails(.forbidden, detail: "You do not have write access to this diary")
        }
        return (diary, entry)
    }

    private static func checkPublicLength(_ content: String, in diary: DiaryCatalog) throws {
        guard diary.visibility == .public, content.unicodeScalars.count > EntryLimits.publicContentMaxLength else {
            return
        }
        throw ValidationFailure(
            errors: [FieldError.tooLong("/content", maximum: EntryLimits.publicContentMaxLength)],
            detail: "Entries in public diaries are limited to \(EntryLimits.publicContentMaxLength) characters")
    }
}

extension ListEntriesQuery {
    /// No tag or type filter: the page is read with its diary and counter, and may be cached.
    var isUnfiltered: Bool { tags?.isEmpty != false && entryType == nil }
}
