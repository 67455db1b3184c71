public import MoltCore

/// The Ory admin APIs MoltNet's server and console use, on one configuration: ``kratos`` (identities),
/// ``hydra`` (OAuth2 clients, introspection) and ``keto`` (relation tuples, permission checks).
///
/// Works against real Ory (self-hosted, one URL per API, or Ory Network with an API key) and against
/// `moltnetd`'s admin listener, which serves the same subset of the three APIs on one address.
///
/// ```swift
/// let ory = OryAdminClient(endpoints: OryEndpoints(adminURL: "http://127.0.0.1:8001"))
/// let agents = try await ory.kratos.identities(pageSize: 50)
/// let client = try await ory.hydra.client(agentClientID)
/// let allowed = try await ory.keto.check(tuple)
/// ```
public struct OryAdminClient: Sendable {
    public let endpoints: OryEndpoints
    public let kratos: KratosAdminClient
    public let hydra: HydraAdminClient
    public let keto: KetoClient

    /// Clients on `transport` (retries for idempotent calls by default).
    /// - Parameters:
    ///   - endpoints: where each API lives.
    ///   - apiKey: sent as `Authorization: Bearer <key>` (Ory Network); self-hosted admin ports take none.
    ///   - transport: the HTTP transport; a retrying libcurl transport when nil.
    public init(endpoints: OryEndpoints, apiKey: Secret<String>? = nil, transport: (any HTTPTransport)? = nil) {
        let transport = transport ?? RetryingTransport(base: CurlTransport(), policy: RetryPolicy())
        func service(_ name: OryError.Service, _ url: String) -> OryService {
            OryService(service: name, baseURL: url, transport: transport, apiKey: apiKey)
        }
        self.endpoints = endpoints
        kratos = KratosAdminClient(
            admin: service(.kratos, endpoints.kratosAdmin), publicAPI: service(.kratos, endpoints.kratosPublic))
        hydra = HydraAdminClient(admin: service(.hydra, endpoints.hydraAdmin))
        keto = KetoClient(read: service(.keto, endpoints.ketoRead), write: service(.keto, endpoints.ketoWrite))
    }
}
