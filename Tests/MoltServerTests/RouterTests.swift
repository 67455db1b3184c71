import MoltServer
import Testing

@Suite("Router")
struct RouterTests {
    static func router() -> Router {
        var router = Router()
        for template in [
            "/agents/whoami", "/agents/{fingerprint}", "/agents/{fingerprint}/verify", "/diaries/invitations",
            "/diaries/{id}", "/diaries/{id}/entries/{entryId}", "/diaries/reflect", "/static/a/b",
        ] {
            router.add(.get, template) { _, _ in .text(template) }
        }
        router.add(.post, "/diaries/{id}") { _, _ in .empty() }
        router.add(.get, "/static/{x}/c") { _, _ in .text("param") }
        return router
    }

    func template(_ method: HTTPMethod, _ path: String) -> String? {
        if case .found(_, let template, _) = Self.router().resolve(method, path: path) { return template }
        return nil
    }

    @Test(
        "static segments beat parameters",
        arguments: [
            ("/agents/whoami", "/agents/whoami"), ("/agents/ABCD-0000-1111-2222", "/agents/{fingerprint}"),
            ("/diaries/invitations", "/diaries/invitations"), ("/diaries/reflect", "/diaries/reflect"),
            ("/diaries/search", "/diaries/{id}"), ("/agents/whoami/verify", "/agents/{fingerprint}/verify"),
        ])
    func precedence(path: String, expected: String) {
        #expect(template(.get, path) == expected)
    }

    @Test("a dead-end static branch backtracks to the parameter")
    func backtracking() {
        #expect(template(.get, "/static/a/c") == "/static/{x}/c")
        #expect(template(.get, "/static/a/b") == "/static/a/b")
    }

    @Test("parameters are percent-decoded, one segment each")
    func parameters() {
        guard case .found(_, _, let parameters) = Self.router().resolve(.get, path: "/diaries/a%2Fb/entries/%C3%BC")
        else {
            Issue.record("no match")
            return
        }
        #expect(parameters == ["id": "a/b", "entryId": "ü"])
    }

    @Test("wrong method lists the allowed ones; HEAD falls back to GET; unknown paths are not found")
    func methods() {
        guard case .methodNotAllowed(let allowed) = Self.router().resolve(.delete, path: "/diaries/x") else {
            Issue.record("expected 405")
            return
        }
        #expect(allowed == [.get, .post])
        #expect(template(.head, "/agents/whoami") == "/agents/whoami")
        guard case .notFound = Self.router().resolve(.get, path: "/nothing/here") else {
            Issue.record("expected not found")
            return
        }
        guard case .notFound = Self.router().resolve(.get, path: "/diaries") else {
            Issue.record("a prefix of a route is not a route")
            return
        }
    }

    @Test("trailing slashes and empty segments")
    func slashes() {
        #expect(template(.get, "/agents/whoami/") == "/agents/whoami")
        #expect(template(.get, "/agents//verify") == nil)
    }
}
