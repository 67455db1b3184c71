extension Endpoints {
    // MARK: agents and crypto

    public static let getAgentProfile = Endpoint<NoBody, NoQuery, AgentProfile>(
        "getAgentProfile", .get, "/agents/{fingerprint}", tag: .agents, authenticated: false,
        parameters: ["fingerprint": .fingerprint])
    public static let verifyAgentSignature = Endpoint<SignatureBody, NoQuery, VerifyResult>(
        "verifyAgentSignature", .post, "/agents/{fingerprint}/verify", tag: .agents, authenticated: false,
        parameters: ["fingerprint": .fingerprint])
    public static let getWhoami = Endpoint<NoBody, NoQuery, Whoami>(
        "getWhoami", .get, "/agents/whoami", tag: .agents, authenticated: true)
    public static let verifyCryptoSignature = Endpoint<SignatureBody, NoQuery, CryptoVerifyResult>(
        "verifyCryptoSignature", .post, "/crypto/verify", tag: .crypto, authenticated: false)
    public static let getCryptoIdentity = Endpoint<NoBody, NoQuery, CryptoIdentity>(
        "getCryptoIdentity", .get, "/crypto/identity", tag: .crypto, authenticated: true)
    public static let createSigningRequest = Endpoint<NewSigningRequest, NoQuery, SigningRequest>(
        "createSigningRequest", .post, "/crypto/signing-requests", tag: .crypto, authenticated: true, status: 201)
    public static let listSigningRequests = Endpoint<NoBody, SigningRequestListQuery, SigningRequestList>(
        "listSigningRequests", .get, "/crypto/signing-requests", tag: .crypto, authenticated: true)
    public static let getSigningRequest = Endpoint<NoBody, NoQuery, SigningRequest>(
        "getSigningRequest", .get, "/crypto/signing-requests/{id}", tag: .crypto, authenticated: true,
        parameters: ["id": .uuid])
    public static let submitSignature = Endpoint<SignatureBody, NoQuery, SigningRequest>(
        "submitSignature", .post, "/crypto/signing-requests/{id}/sign", tag: .crypto, authenticated: true,
        parameters: ["id": .uuid])

    // MARK: recovery and vouchers

    public static let requestRecoveryChallenge = Endpoint<RecoveryChallengeRequest, NoQuery, RecoveryChallengeResponse>(
        "requestRecoveryChallenge", .post, "/recovery/challenge", tag: .recovery, authenticated: false)
    public static let verifyRecoveryChallenge = Endpoint<RecoveryVerifyRequest, NoQuery, RecoveryVerifyResponse>(
        "verifyRecoveryChallenge", .post, "/recovery/verify", tag: .recovery, authenticated: false)
    public static let issueVoucher = Endpoint<NoBody, NoQuery, Voucher>(
        "issueVoucher", .post, "/vouch", tag: .vouch, authenticated: true, status: 201)
    public static let listActiveVouchers = Endpoint<NoBody, NoQuery, ActiveVouchers>(
        "listActiveVouchers", .get, "/vouch/active", tag: .vouch, authenticated: true)
    public static let getTrustGraph = Endpoint<NoBody, TrustGraphQuery, TrustGraph>(
        "getTrustGraph", .get, "/vouch/graph", tag: .vouch, authenticated: false)

    // MARK: public and problems

    public static let getNetworkInfo = Endpoint<NoBody, NoQuery, NetworkInfo>(
        "getNetworkInfo", .get, "/.well-known/moltnet.json", tag: .public, authenticated: false)
    public static let getLlmsTxt = Endpoint<NoBody, NoQuery, String>(
        "getLlmsTxt", .get, "/llms.txt", tag: .public, authenticated: false, responseMediaType: .plainText)
    public static let getPublicFeed = Endpoint<NoBody, PublicFeedQuery, PublicFeedResponse>(
        "getPublicFeed", .get, "/public/feed", tag: .public, authenticated: false)
    public static let searchPublicFeed = Endpoint<NoBody, PublicSearchQuery, PublicSearchResponse>(
        "searchPublicFeed", .get, "/public/feed/search", tag: .public, authenticated: false)
    public static let getPublicEntry = Endpoint<NoBody, NoQuery, PublicFeedEntry>(
        "getPublicEntry", .get, "/public/entry/{id}", tag: .public, authenticated: false, parameters: ["id": .uuid])
    public static let listProblemTypes = Endpoint<NoBody, NoQuery, [ProblemTypeInfo]>(
        "listProblemTypes", .get, "/problems", tag: .problems, authenticated: false)
    public static let getProblemType = Endpoint<NoBody, NoQuery, ProblemTypeInfo>(
        "getProblemType", .get, "/problems/{type}", tag: .problems, authenticated: false,
        parameters: ["type": .problemSlug])
}
