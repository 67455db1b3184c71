import Foundation
import MoltCore
import Testing

@Suite("Path templates and routing")
struct RoutingTests {
    @Test(
        "static segments beat parameters, per method",
        arguments: [
            ("GET", "/agents/whoami", "getWhoami"),
            ("GET", "/agents/21FE-31DF-A154-A261", "getAgentProfile"),
            ("GET", "/agents/whoami-not", "getAgentProfile"),
            ("GET", "/diaries/invitations", "listDiaryInvitations"),
            ("GET", "/diaries/reflect?diaryId=x", "reflectDiary"),
            ("GET", "/diaries/search", "getDiary"),
            ("POST", "/diaries/search", "searchDiary"),
            ("PATCH", "/diaries/invitations", "updateDiary"),
            ("POST", "/diaries/invitations/f47ac10b-58cc-4372-a567-0e02b2c3d479/accept", "acceptDiaryInvitation"),
            ("GET", "/diaries/f47ac10b-58cc-4372-a567-0e02b2c3d479/share", "listDiaryShares"),
            ("DELETE", "/diaries/d/share/21FE-31DF-A154-A261", "revokeDiaryShare"),
            ("GET", "/public/feed/search?q=hello", "searchPublicFeed"),
            ("GET", "/public/feed", "getPublicFeed"),
            ("GET", "/.well-known/moltnet.json", "getNetworkInfo"),
            ("GET", "/problems/not-found", "getProblemType"),
        ])
    func precedence(method: String, path: String, operationId: String) throws {
        let method = try #require(HTTPMethod(rawValue: method))
        #expect(Endpoints.match(method, path: path)?.value.operationId == operationId)
    }

    @Test("GET /diaries/search lands on getDiary and fails its UUID check")
    func searchIsNotAnId() throws {
        let match = try #require(Endpoints.match(.get, path: "/diaries/search"))
        #expect(match.parameters["id"] == "search")
        #expect(
            match.value.validate(match.parameters) == [FieldError(field: "/id", message: "must match format \"uuid\"")])
    }

    @Test("a failed static branch backtracks to the parameter branch")
    func backtracking() {
        var table = RouteTable<String>()
        table.add(.get, "/a/static/x", "static")
        table.add(.get, "/a/{p}/y", "param")
        #expect(table.match(.get, path: "/a/static/x")?.value == "static")
        #expect(table.match(.get, path: "/a/static/y")?.value == "param")
        #expect(table.match(.get, path: "/a/static/y")?.parameters["p"] == "static")
        #expect(table.match(.get, path: "/a/static/z") == nil)
    }

    @Test("unknown paths, trailing slashes, empty segments and other methods do not match")
    func misses() {
        #expect(Endpoints.match(.get, path: "/nope") == nil)
        #expect(Endpoints.match(.get, path: "/diaries/") == nil)
        #expect(Endpoints.match(.get, path: "/diaries//entries") == nil)
        #expect(Endpoints.match(.get, path: "/Diaries") == nil)
        #expect(Endpoints.match(.put, path: "/diaries") == nil)
        #expect(Endpoints.router.allowedMethods(path: "/diaries") == [.get, .post])
        #expect(
            Endpoints.router.allowedMethods(path: "/diaries/f47ac10b-58cc-4372-a567-0e02b2c3d479")
                == [.get, .patch, .delete])
        #expect(Endpoints.router.allowedMethods(path: "/nope").isEmpty)
    }

    @Test("parameters are percent-decoded when matched and percent-encoded when rendered")
    func encoding() throws {
        let match = try #require(Endpoints.match(.get, path: "/problems/not%2Dfound"))
        #expect(match.parameters["type"] == "not-found")
        let template: PathTemplate = "/diaries/{diaryId}/share/{fingerprint}"
        #expect(
            try template.render(["diaryId": "a/b c", "fingerprint": "ÅÄ"]) == "/diaries/a%2Fb%20c/share/%C3%85%C3%84")
        #expect(template.match("/diaries/a%2Fb%20c/share/x")?["diaryId"] == "a/b c")
        #expect(template.match("/diaries/a/share") == nil)
        #expect(throws: PathTemplateError(parameter: "fingerprint")) { try template.render(["diaryId": "d"]) }
        #expect(try PathTemplate("/").render([:]) == "/")
    }

    @Test("requests are built from typed values")
    func requests() throws {
        let diary = DiaryID(rawValue: try #require(.init(uuidString: "F47AC10B-58CC-4372-A567-0E02B2C3D479")))
        let list = try Endpoints.listDiaryEntries.request(
            path: ["diaryId": diary], query: ListEntriesQuery(limit: 10, tags: ["a b", "c&d"]))
        #expect(list.method == .get && list.body == nil && list.contentType == nil && list.requiresAuthentication)
        #expect(list.target == "/diaries/f47ac10b-58cc-4372-a567-0e02b2c3d479/entries?limit=10&tags=a%20b%2Cc%26d")
        let create = try Endpoints.createDiaryEntry.request(
            path: ["diaryId": diary], body: CreateEntryRequest(content: "hi"))
        #expect(create.contentType == .json)
        #expect(create.body.map { String(decoding: $0, as: UTF8.self) } == #"{"content":"hi"}"#)
        #expect(Endpoints.createDiaryEntry.successStatus == 201)
        let token = try Endpoints.getOAuth2Token.request(
            body: OAuth2TokenRequest(clientId: "c 1", clientSecret: Secret("s&2")))
        #expect(token.contentType == .formURLEncoded)
        #expect(
            token.body.map { String(decoding: $0, as: UTF8.self) }
                == "grant_type=client_credentials&client_id=c%201&client_secret=s%262")
        let whoami = try Endpoints.getWhoami.request()
        #expect(whoami.description == "GET /agents/whoami (getWhoami)" && whoami.requiresAuthentication)
        let graph = try Endpoints.getTrustGraph.request(query: TrustGraphQuery(limit: 5))
        #expect(graph.target == "/vouch/graph?limit=5" && !graph.requiresAuthentication)
        #expect(throws: PathTemplateError.self) { try Endpoints.getDiary.request() }
        #expect(try Endpoints.getLlmsTxt.decodeResponse(Data("# MoltNet\n".utf8)) == "# MoltNet\n")
    }

    @Test("query strings decode plus as space and skip broken escapes")
    func queryStrings() {
        #expect(
            FormURLEncoding.decode("q=hello+world&tag=a%2Cb&bad=%zz&flag")
                == [QueryItem("q", "hello world"), QueryItem("tag", "a,b"), QueryItem("flag", "")])
        #expect(FormURLEncoding.percentEncode("a-b_c.d~e f/ü") == "a-b_c.d~e%20f%2F%C3%BC")
    }
}
