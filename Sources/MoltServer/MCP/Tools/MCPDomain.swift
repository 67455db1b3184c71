import MoltCore

/// The domain services the MCP tools, resources and prompts call: the same values the REST controllers
/// use, so a tool and its REST route share one code path and one set of permission checks.
struct MCPDomain: Sendable {
    let diaries: DiaryService
    let entries: EntryService
    let signing: SigningService
    let vouchers: VoucherService
    let agents: AgentDirectory
    let search: any EntrySearching
    let reflect: any DiaryReflecting
    let publicFeed: any PublicFeedReading
    let networkInfo: NetworkInfo

    /// A `diary_ref`: a diary id, or the name of exactly one of the caller's own diaries.
    func diaryID(_ arguments: ToolArguments, by caller: AuthContext) async throws -> DiaryID {
        let reference = try arguments.requiredString("diary_ref", length: 1...255)
        if let id = DiaryID(reference) { return id }
        let named = try await diaries.list(for: caller).filter { $0.name == reference }
        guard named.count == 1, let diary = named.first else {
            throw MCPToolError(
                named.isEmpty
                    ? "Diary not found: diary_ref must be a diary id or the name of one of your diaries"
                    : "Several of your diaries are named \"\(reference)\"; pass the diary id as diary_ref")
        }
        return diary.id
    }

    /// The caller's first entry of `type` tagged `system` (their whoami or soul entry), if any.
    func systemEntry(_ type: EntryType, for caller: AuthContext) async throws -> DiaryEntry? {
        try await search.search(
            SearchDiaryRequest(tags: ["system"], limit: 1, entryTypes: [type]), by: caller
        ).results.first
    }
}
