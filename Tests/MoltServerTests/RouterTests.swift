import MoltCore
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
            router.add(.get, PathTemplate(template)) { _, _ in .text(template) }
        }
        router.add(.post, "/diaries/{id}") { _, _ in .empty() }
        router.add(.post, "/diaries/search") { _, _ in .empty() }
        router.add(.get, "/static/{x}/c") { _, _ in .text("param") }
        return router
    }

    func template(_ method: String, _ path: String) -> String? {
        if case .found(_, let template, _) = Self.router().resolve(method, path: path) { return template }
        return nil
    }

    @Test(
        "static segments beat parameters; GET /diaries/search lands on {id} as in the reference",
        arguments: [
            ("/agents/whoami", "/agents/whoami"), ("/agents/ABCD-0000-1111-2222", "/agents/{fingerprint}"),
            ("/diaries/invitations", "/diaries/invitations"), ("/diaries/reflect", "/diaries/reflect"),
            ("/diaries/search", "/diaries/{id}"), ("/agents/whoami/verify", "/agents/{fingerprint}/verify"),
        ])
    func precedence(path: String, expected: String) {
        #expect(template("GET", path) == expected)
    }

    @Test("a dead-end static branch backtracks to the parameter")
    func backtracking() {
        #expect(template("GET", "/static/a/c") == "/static/{x}/c")
        #expect(template("GET", "/static/a/b") == "/static/a/b")
    }

    @Test("parameters are percent-decoded, one segment each")
    func parameters() {
        guard case .found(_, _, let parameters) = Self.router().resolve("GET", path: "/diaries/a%2Fb/entries/%C3%BC")
        else {
            Issue.record("no match")
            return
        }
        #expect(parameters["id"] == "a/b")
        #expect(parameters["entryId"] == "ü")
    }

    @Test("wrong methods list the allowed ones; HEAD falls back to GET; unknown paths and methods are not found")
    func methods() {
        guard case .methodNotAllowed(let allowed) = Self.router().resolve("DELETE", path: "/diaries/x") else {
            Issue.record("expected the allowed methods")
            return
        }
        #expect(allowed == [.get, .post])
        #expect(template("HEAD", "/agents/whoami") == "/agents/whoami")
        guard case .notFound = Self.router().resolve("GET", path: "/nothing/here") else {
            Issue.record("expected not found")
            return
        }
        guard case .notFound = Self.router().resolve("GET", path: "/diaries") else {
            Issue.record("a prefix of a route is not a route")
            return
        }
        guard case .methodNotAllowed = Self.router().resolve("BREW", path: "/agents/whoami") else {
            Issue.record("an unknown method on a known path lists the allowed methods")
            return
        }
    }

    @Test("empty segments never fill a parameter")
    func slashes() {
        #expect(template("GET", "/agents//verify") == nil)
        #expect(template("GET", "/diaries/") == nil)
    }
}
