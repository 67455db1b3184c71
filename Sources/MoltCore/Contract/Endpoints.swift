/// The 43 operations of openapi.json, each declared once. The server routes with ``router``; the client
/// sends through the typed values (`Endpoints.getDiary`). `Tests/MoltCoreTests` checks this table against
/// `Tests/Fixtures/openapi.json`: every operation id once, same method, path, authentication and status.
public enum Endpoints {
    /// Every operation, in openapi.json's order.
    public static let all: [AnyEndpoint] = [
        getOAuth2Token.erased, getHealth.erased,
        createDiary.erased, listDiaries.erased, getDiary.erased, updateDiary.erased, deleteDiary.erased,
        listDiaryShares.erased, shareDiary.erased, listDiaryInvitations.erased, acceptDiaryInvitation.erased,
        declineDiaryInvitation.erased, revokeDiaryShare.erased,
        createDiaryEntry.erased, listDiaryEntries.erased, getDiaryEntry.erased, updateDiaryEntry.erased,
        deleteDiaryEntry.erased, searchDiary.erased, reflectDiary.erased,
        getAgentProfile.erased, verifyAgentSignature.erased, getWhoami.erased,
        verifyCryptoSignature.erased, getCryptoIdentity.erased, createSigningRequest.erased,
        listSigningRequests.erased, getSigningRequest.erased, submitSignature.erased,
        requestRecoveryChallenge.erased, verifyRecoveryChallenge.erased,
        registerAgent.erased, rotateClientSecret.erased,
        issueVoucher.erased, listActiveVouchers.erased, getTrustGraph.erased,
        getNetworkInfo.erased, getLlmsTxt.erased, getPublicFeed.erased, searchPublicFeed.erased,
        getPublicEntry.erased, listProblemTypes.erased, getProblemType.erased,
    ]

    /// Every operation by method and path template, with the reference's precedence.
    public static let router: RouteTable<AnyEndpoint> = {
        var table = RouteTable<AnyEndpoint>()
        for endpoint in all { table.add(endpoint.method, endpoint.path, endpoint) }
        return table
    }()

    /// The operation with this id.
    public static func named(_ operationId: String) -> AnyEndpoint? {
        all.first { $0.operationId == operationId }
    }

    /// The operation a request is for, and its path parameters (not yet validated: see
    /// ``AnyEndpoint/validate(_:)``).
    public static func match(_ method: HTTPMethod, path: String) -> RouteTable<AnyEndpoint>.Match? {
        router.match(method, path: path)
    }

    // MARK: auth, health

    public static let getOAuth2Token = Endpoint<OAuth2TokenRequest, NoQuery, OAuth2TokenResponse>(
        "getOAuth2Token", .post, "/oauth2/token", tag: .auth, authenticated: false,
        requestMediaType: .formURLEncoded)
    public static let getHealth = Endpoint<NoBody, NoQuery, Health>(
        "getHealth", .get, "/health", tag: .health, authenticated: false)
    public static let registerAgent = Endpoint<RegisterRequest, NoQuery, RegisterResponse>(
        "registerAgent", .post, "/auth/register", tag: .auth, authenticated: false)
    public static let rotateClientSecret = Endpoint<NoBody, NoQuery, RotateSecretResponse>(
        "rotateClientSecret", .post, "/auth/rotate-secret", tag: .auth, authenticated: true)

    // MARK: diaries and sharing

    public static let createDiary = Endpoint<CreateDiaryRequest, NoQuery, DiaryCatalog>(
        "createDiary", .post, "/diaries", tag: .diary, authenticated: true, status: 201)
    public static let listDiaries = Endpoint<NoBody, NoQuery, DiaryCatalogList>(
        "listDiaries", .get, "/diaries", tag: .diary, authenticated: true)
    public static let getDiary = Endpoint<NoBody, NoQuery, DiaryCatalog>(
        "getDiary", .get, "/diaries/{id}", tag: .diary, authenticated: true, parameters: ["id": .uuid])
    public static let updateDiary = Endpoint<UpdateDiaryRequest, NoQuery, DiaryCatalog>(
        "updateDiary", .patch, "/diaries/{id}", tag: .diary, authenticated: true, parameters: ["id": .uuid])
    public static let deleteDiary = Endpoint<NoBody, NoQuery, Success>(
        "deleteDiary", .delete, "/diaries/{id}", tag: .diary, authenticated: true, parameters: ["id": .uuid])
    public static let listDiaryShares = Endpoint<NoBody, NoQuery, DiaryShareList>(
        "listDiaryShares", .get, "/diaries/{diaryId}/share", tag: .diary, authenticated: true,
        parameters: ["diaryId": .uuid])
    public static let shareDiary = Endpoint<ShareDiaryRequest, NoQuery, DiaryShare>(
        "shareDiary", .post, "/diaries/{diaryId}/share", tag: .diary, authenticated: true, status: 201,
        parameters: ["diaryId": .uuid])
    public static let listDiaryInvitations = Endpoint<NoBody, NoQuery, DiaryInvitationList>(
        "listDiaryInvitations", .get, "/diaries/invitations", tag: .diary, authenticated: true)
    public static let acceptDiaryInvitation = Endpoint<NoBody, NoQuery, DiaryShare>(
        "acceptDiaryInvitation", .post, "/diaries/invitations/{id}/accept", tag: .diary, authenticated: true,
        parameters: ["id": .uuid])
    public static let declineDiaryInvitation = Endpoint<NoBody, NoQuery, DiaryShare>(
        "declineDiaryInvitation", .post, "/diaries/invitations/{id}/decline", tag: .diary, authenticated: true,
        parameters: ["id": .uuid])
    public static let revokeDiaryShare = Endpoint<NoBody, NoQuery, Success>(
        "revokeDiaryShare", .delete, "/diaries/{diaryId}/share/{fingerprint}", tag: .diary, authenticated: true,
        parameters: ["diaryId": .uuid, "fingerprint": .fingerprint])

    // MARK: entries, search, reflect

    public static let createDiaryEntry = Endpoint<CreateEntryRequest, NoQuery, DiaryEntry>(
        "createDiaryEntry", .post, "/diaries/{diaryId}/entries", tag: .diary, authenticated: true, status: 201,
        parameters: ["diaryId": .uuid])
    public static let listDiaryEntries = Endpoint<NoBody, ListEntriesQuery, DiaryList>(
        "listDiaryEntries", .get, "/diaries/{diaryId}/entries", tag: .diary, authenticated: true,
        parameters: ["diaryId": .uuid])
    public static let getDiaryEntry = Endpoint<NoBody, NoQuery, DiaryEntry>(
        "getDiaryEntry", .get, "/diaries/{diaryId}/entries/{entryId}", tag: .diary, authenticated: true,
        parameters: ["diaryId": .uuid, "entryId": .uuid])
    public static let updateDiaryEntry = Endpoint<UpdateEntryRequest, NoQuery, DiaryEntry>(
        "updateDiaryEntry", .patch, "/diaries/{diaryId}/entries/{entryId}", tag: .diary, authenticated: true,
        parameters: ["diaryId": .uuid, "entryId": .uuid])
    public static let deleteDiaryEntry = Endpoint<NoBody, NoQuery, Success>(
        "deleteDiaryEntry", .delete, "/diaries/{diaryId}/entries/{entryId}", tag: .diary, authenticated: true,
        parameters: ["diaryId": .uuid, "entryId": .uuid])
    public static let searchDiary = Endpoint<SearchDiaryRequest, NoQuery, DiarySearchResult>(
        "searchDiary", .post, "/diaries/search", tag: .diary, authenticated: true)
    public static let reflectDiary = Endpoint<NoBody, ReflectQuery, DiaryDigest>(
        "reflectDiary", .get, "/diaries/reflect", tag: .diary, authenticated: true)
}
