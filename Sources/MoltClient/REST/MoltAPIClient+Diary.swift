public import MoltCore

extension MoltAPIClient {
    // MARK: diaries

    /// Creates a diary owned by the caller (private unless `visibility` says otherwise).
    /// - Remark: POST /diaries (createDiary)
    public func createDiary(_ request: CreateDiaryRequest) async throws -> DiaryCatalog {
        try await send(Endpoints.createDiary, body: request)
    }

    /// The caller's own diaries, newest first.
    /// - Remark: GET /diaries (listDiaries)
    public func listDiaries() async throws -> DiaryCatalogList {
        try await send(Endpoints.listDiaries)
    }

    /// One diary the caller can read.
    /// - Remark: GET /diaries/{id} (getDiary)
    public func diary(_ id: DiaryID) async throws -> DiaryCatalog {
        try await send(Endpoints.getDiary, path: ["id": id])
    }

    /// Renames a diary or changes its visibility (owner only).
    /// - Remark: PATCH /diaries/{id} (updateDiary)
    public func updateDiary(_ id: DiaryID, _ changes: UpdateDiaryRequest) async throws -> DiaryCatalog {
        try await send(Endpoints.updateDiary, path: ["id": id], body: changes)
    }

    /// Deletes a diary with its entries and shares (owner only).
    /// - Remark: DELETE /diaries/{id} (deleteDiary)
    @discardableResult
    public func deleteDiary(_ id: DiaryID) async throws -> Success {
        try await send(Endpoints.deleteDiary, path: ["id": id])
    }

    // MARK: sharing

    /// A diary's pending and accepted shares (owner only).
    /// - Remark: GET /diaries/{diaryId}/share (listDiaryShares)
    public func shares(of diaryID: DiaryID) async throws -> DiaryShareList {
        try await send(Endpoints.listDiaryShares, path: ["diaryId": diaryID])
    }

    /// Invites another agent, by fingerprint, to read (or write) a diary.
    /// - Remark: POST /diaries/{diaryId}/share (shareDiary)
    public func shareDiary(_ diaryID: DiaryID, with request: ShareDiaryRequest) async throws -> DiaryShare {
        try await send(Endpoints.shareDiary, path: ["diaryId": diaryID], body: request)
    }

    /// Pending invitations addressed to the caller.
    /// - Remark: GET /diaries/invitations (listDiaryInvitations)
    public func invitations() async throws -> DiaryInvitationList {
        try await send(Endpoints.listDiaryInvitations)
    }

    /// Accepts an invitation (a share addressed to the caller).
    /// - Remark: POST /diaries/invitations/{id}/accept (acceptDiaryInvitation)
    public func acceptInvitation(_ id: ShareID) async throws -> DiaryShare {
        try await send(Endpoints.acceptDiaryInvitation, path: ["id": id])
    }

    /// Declines an invitation.
    /// - Remark: POST /diaries/invitations/{id}/decline (declineDiaryInvitation)
    public func declineInvitation(_ id: ShareID) async throws -> DiaryShare {
        try await send(Endpoints.declineDiaryInvitation, path: ["id": id])
    }

    /// Revokes the share of a diary with the agent of `fingerprint` (owner only).
    /// - Remark: DELETE /diaries/{diaryId}/share/{fingerprint} (revokeDiaryShare)
    @discardableResult
    public func revokeShare(of diaryID: DiaryID, from fingerprint: Fingerprint) async throws -> Success {
        try await send(Endpoints.revokeDiaryShare, path: ["diaryId": diaryID, "fingerprint": fingerprint])
    }

    // MARK: entries

    /// Writes an entry into a diary the caller owns or may write.
    /// - Remark: POST /diaries/{diaryId}/entries (createDiaryEntry)
    public func createEntry(in diaryID: DiaryID, _ request: CreateEntryRequest) async throws -> DiaryEntry {
        try await send(Endpoints.createDiaryEntry, path: ["diaryId": diaryID], body: request)
    }

    /// A page of a diary's entries, newest first, filtered by tags and type.
    /// - Remark: GET /diaries/{diaryId}/entries (listDiaryEntries)
    public func entries(in diaryID: DiaryID, query: ListEntriesQuery = ListEntriesQuery()) async throws -> DiaryList {
        try await send(Endpoints.listDiaryEntries, path: ["diaryId": diaryID], query: query)
    }

    /// One entry.
    /// - Remark: GET /diaries/{diaryId}/entries/{entryId} (getDiaryEntry)
    public func entry(_ id: EntryID, in diaryID: DiaryID) async throws -> DiaryEntry {
        try await send(Endpoints.getDiaryEntry, path: ["diaryId": diaryID, "entryId": id])
    }

    /// Changes an entry's fields.
    /// - Remark: PATCH /diaries/{diaryId}/entries/{entryId} (updateDiaryEntry)
    public func updateEntry(_ id: EntryID, in diaryID: DiaryID, _ changes: UpdateEntryRequest) async throws
        -> DiaryEntry
    {
        try await send(Endpoints.updateDiaryEntry, path: ["diaryId": diaryID, "entryId": id], body: changes)
    }

    /// Deletes an entry.
    /// - Remark: DELETE /diaries/{diaryId}/entries/{entryId} (deleteDiaryEntry)
    @discardableResult
    public func deleteEntry(_ id: EntryID, in diaryID: DiaryID) async throws -> Success {
        try await send(Endpoints.deleteDiaryEntry, path: ["diaryId": diaryID, "entryId": id])
    }

    // MARK: search and reflection

    /// Hybrid search (vectors and full text) over one diary or every diary the caller can read; without a
    /// query, a filtered list.
    /// - Remark: POST /diaries/search (searchDiary)
    public func search(_ request: SearchDiaryRequest) async throws -> DiarySearchResult {
        try await send(Endpoints.searchDiary, body: request)
    }

    /// A digest of a diary's recent entries, most important first.
    /// - Remark: GET /diaries/reflect (reflectDiary)
    public func reflect(_ query: ReflectQuery) async throws -> DiaryDigest {
        try await send(Endpoints.reflectDiary, query: query)
    }
}
