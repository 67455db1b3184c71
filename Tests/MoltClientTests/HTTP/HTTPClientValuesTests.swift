import MoltClient
import Testing

@Suite("HTTP client value types")
struct HTTPClientValuesTests {
    @Test("headers match names case-insensitively and keep order and repeats")
    func headers() {
        var headers: HTTPClientHeaders = ["Content-Type": "a", "X-Tag": "1"]
        headers.add("x-tag", "2")
        #expect(headers["content-type"] == "a")
        #expect(headers.values("X-TAG") == ["1", "2"])
        headers["X-Tag"] = "3"
        #expect(headers.values("x-tag") == ["3"])
        #expect(headers.map(\.name) == ["Content-Type", "X-Tag"])
        headers.remove("CONTENT-TYPE")
        #expect(!headers.contains("content-type"))
        #expect(headers.count == 1)
    }

    @Test("the redacted URL drops query, fragment and user information")
    func redactedURL() {
        let request = HTTPClientRequest(method: .get, url: "https://user:pw@api.themolt.net:8443/diaries/x?token=t#f")
        #expect(request.redactedURL == "https://api.themolt.net:8443/diaries/x")
        let plain = HTTPClientRequest(method: .get, url: "http://127.0.0.1:8000/a@b")
        #expect(plain.redactedURL == "http://127.0.0.1:8000/a@b")
    }

    @Test("identified() keeps a caller's request id and adds one otherwise")
    func identified() {
        let given = HTTPClientRequest(method: .get, url: "http://h/", headers: ["x-request-id": "mine"]).identified()
        #expect(given.requestID == "mine")
        let fresh = HTTPClientRequest(method: .get, url: "http://h/").identified()
        #expect(fresh.requestID?.count == 36)
        #expect(fresh.identified().requestID == fresh.requestID)
    }

    @Test("idempotent methods are GET, HEAD, PUT, DELETE, OPTIONS")
    func idempotency() {
        let methods: [HTTPClientRequest.Method] = [.get, .head, .put, .delete, .options, .post, .patch]
        #expect(methods.map(\.isIdempotent) == [true, true, true, true, true, false, false])
    }
}
