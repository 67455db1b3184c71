import MoltClient
import MoltServer
import Testing

@Suite("libcurl transport TLS verification and proxies", .timeLimit(.minutes(3)))
struct TLSAndProxyTests {
    @Test("verifies certificates by default and rejects a self-signed one")
    func verifiesByDefault() async throws {
        #expect(CurlTransportConfiguration().tlsVerification == .verify)
        try await TLSTestServer.with { server in
            let error = await #expect(throws: HTTPTransportError.self) {
                _ = try await CurlTransport().send(HTTPClientRequest(method: .get, url: server.baseURL + "/"))
            }
            #expect(error?.code == .tlsCertificate)
        }
    }

    @Test("trusts a certificate through an explicit CA file, or with verification explicitly off")
    func explicitTrust() async throws {
        try await TLSTestServer.with { server in
            let trusting = CurlTransport(
                configuration: CurlTransportConfiguration(
                    tlsVerification: .verifyWithCertificateAuthorities(path: server.certificatePath)))
            let trusted = try await trusting.send(HTTPClientRequest(method: .get, url: server.baseURL + "/"))
            #expect(trusted.status == 200)
            let insecure = CurlTransport(
                configuration: CurlTransportConfiguration(tlsVerification: .insecureSkipVerification))
            let accepted = try await insecure.send(HTTPClientRequest(method: .get, url: server.baseURL + "/"))
            #expect(accepted.status == 200)
        }
    }

    @Test("https to a plain HTTP port fails with a TLS handshake error")
    func handshakeFailure() async throws {
        try await LoopbackServer.with(handler: { _ in .text("plain") }) { server in
            let error = await #expect(throws: HTTPTransportError.self) {
                _ = try await CurlTransport().send(
                    HTTPClientRequest(method: .get, url: "https://127.0.0.1:\(server.port)/"))
            }
            #expect(error?.code == .tlsHandshake)
        }
    }

    @Test("reads proxies from the environment as curl does")
    func proxyEnvironment() {
        let settings = ProxySettings.environment([
            "HTTP_PROXY": "http://ignored:1", "https_proxy": "http://secure:3128", "no_proxy": "localhost,.internal",
        ])
        #expect(settings.httpProxy == nil)
        #expect(settings.proxy(for: "https://api.themolt.net/health") == "http://secure:3128")
        #expect(settings.proxy(for: "HTTP://example.com/") == nil)
        #expect(settings.noProxy == "localhost,.internal")
        let fallback = ProxySettings.environment(["ALL_PROXY": "socks5h://all:1080", "http_proxy": "http://web:80"])
        #expect(fallback.proxy(for: "http://x/") == "http://web:80")
        #expect(fallback.proxy(for: "https://x/") == "socks5h://all:1080")
        #expect(ProxySettings.environment([:]) == .direct)
    }

    @Test("sends requests through the http_proxy from the environment")
    func throughProxy() async throws {
        let proxyHandler: HTTPServer.Handler = { request in .text("proxied \(request.methodName) \(request.target)") }
        try await LoopbackServer.with(handler: proxyHandler) { proxy in
            let configuration = CurlTransportConfiguration(
                proxy: .environment(["http_proxy": "http://127.0.0.1:\(proxy.port)"]))
            let response = try await CurlTransport(configuration: configuration).send(
                HTTPClientRequest(method: .get, url: "http://api.moltnet.test/health?x=1"))
            #expect(response.status == 200)
            #expect(response.text == "proxied GET http://api.moltnet.test/health?x=1")
            #expect(proxy.requests.first?.headers["Host"] == "api.moltnet.test")
        }
    }

    @Test("connects directly to hosts listed in no_proxy")
    func noProxy() async throws {
        try await LoopbackServer.with(handler: { _ in .text("proxy") }) { proxy in
            try await LoopbackServer.with(handler: { _ in .text("origin") }) { origin in
                let configuration = CurlTransportConfiguration(
                    proxy: .environment(["http_proxy": proxy.baseURL, "no_proxy": "127.0.0.1"]))
                let response = try await CurlTransport(configuration: configuration).send(
                    HTTPClientRequest(method: .get, url: origin.baseURL + "/"))
                #expect(response.text == "origin")
                #expect(proxy.requests.isEmpty)
            }
        }
    }
}
