import Foundation
import MoltClient
import MoltCore
import MoltServer
import MoltTestSupport
import Testing

@Suite("Ory endpoints, API key and Link headers", .timeLimit(.minutes(2)))
struct OryEndpointsTests {
    @Test("each API goes to its own base URL, with the API key as a bearer token")
    func separateURLs() async throws {
        try await TestServer.with { moltnetd in
            try await Self.separateURLs(moltnetd.adminBaseURL)
        }
    }

    private static func separateURLs(_ adminURL: String) async throws {
        try await LoopbackServer.with(handler: ForwardingHandler.to(adminURL)) { identity in
            try await LoopbackServer.with(handler: ForwardingHandler.to(adminURL)) { permissions in
                let endpoints = OryEndpoints(
                    kratosAdmin: identity.baseURL, kratosPublic: identity.baseURL + "/", hydraAdmin: identity.baseURL,
                    ketoRead: permissions.baseURL, ketoWrite: permissions.baseURL)
                let ory = OryAdminClient(endpoints: endpoints, apiKey: Secret("ory_pat_123"))
                _ = try await ory.kratos.identities()
                _ = try await ory.hydra.clients()
                _ = try await ory.keto.createRelationTuple(
                    KetoRelationTuple(namespace: "Agent", object: "a", relation: "self", subject: .id("a")))
                _ = try await ory.keto.check(
                    KetoRelationTuple(namespace: "Agent", object: "a", relation: "self", subject: .id("a")))
                #expect(identity.requests.map(\.path) == ["/admin/identities", "/admin/clients"])
                #expect(
                    permissions.requests.map(\.path) == ["/admin/relation-tuples", "/relation-tuples/check/openapi"])
                let all = identity.requests + permissions.requests
                #expect(all.allSatisfy { $0.headers["Authorization"] == "Bearer ory_pat_123" })
                #expect(all.allSatisfy { $0.headers["X-Request-ID"] != nil })
            }
        }
    }

    @Test("configuration reads ORY_* settings, falls back to ORY_PROJECT_URL, then to the admin listener")
    func environment() throws {
        let split = try #require(
            OryEndpoints(environment: [
                "ORY_KRATOS_ADMIN_URL": "http://kratos:4434/", "ORY_KRATOS_PUBLIC_URL": "http://kratos:4433",
                "ORY_HYDRA_ADMIN_URL": "http://hydra:4445", "ORY_KETO_READ_URL": "http://keto:4466",
                "ORY_KETO_WRITE_URL": "http://keto:4467",
            ]))
        #expect(
            split
                == OryEndpoints(
                    kratosAdmin: "http://kratos:4434", kratosPublic: "http://kratos:4433",
                    hydraAdmin: "http://hydra:4445",
                    ketoRead: "http://keto:4466", ketoWrite: "http://keto:4467"))
        let project = try #require(
            OryEndpoints(environment: [
                "ORY_PROJECT_URL": "https://x.projects.oryapis.com", "ORY_KETO_READ_URL": "http://keto",
            ]))
        #expect(project.hydraAdmin == "https://x.projects.oryapis.com" && project.ketoRead == "http://keto")
        #expect(OryEndpoints(environment: [:]) == OryEndpoints(adminURL: "http://127.0.0.1:8001"))
        #expect(OryEndpoints(environment: [:], fallback: nil) == nil)
    }

    @Test("pages follow rel=\"next\" and end without it, whatever else the Link header lists")
    func linkPagination() async throws {
        let counter = Counter()
        let handler: HTTPServer.Handler = { _ in
            var response = HTTPResponse.json(Array("[]".utf8))
            switch counter.next() {
            case 1:
                response.headers["Link"] =
                    #"<http://h/admin/clients?page_size=2&page_token=eyJvZmZzZXQiOiIwIiwidiI6Mn0>; rel="first","#
                    + #"<http://h/admin/clients?page_size=2&page_token=eyJvZmZzZXQiOiIyIiwidiI6Mn0%3D>; rel="next","#
                    + #"<http://h/admin/clients?page_size=2&page_token=eyJvZmZzZXQiOiI0IiwidiI6Mn0>; rel="last""#
                response.headers["X-Total-Count"] = "5"
            case 2:
                response.headers["Link"] =
                    #"<http://h/admin/clients?a=1,2&page_token=b>; rel="prev",<http://h/x?page_token=c>; rel="first""#
            default:
                break
            }
            return response
        }
        try await LoopbackServer.with(handler: handler) { (server: LoopbackServer) async throws in
            let hydra = OryAdminClient(endpoints: OryEndpoints(adminURL: server.baseURL)).hydra
            #expect(try await hydra.clients().nextPageToken == "eyJvZmZzZXQiOiIyIiwidiI6Mn0=")
            #expect(try await hydra.clients().nextPageToken == nil)
            #expect(try await hydra.clients().nextPageToken == nil)
        }
    }
}
