/// The network discovery document of `GET /.well-known/moltnet.json` (openapi `NetworkInfo`, spec §1.1).
///
/// Build ours with ``init(settings:)`` (MoltCore's wording, URLs from the configured base URL), or decode
/// another deployment's. Wire names are snake_case as the reference writes them; the nested types are in
/// `NetworkInfo+Sections.swift`.
public struct NetworkInfo: Codable, Hashable, Sendable {
    /// A URI naming the document's schema.
    public var schema: String
    /// The document's version.
    public var version: String
    public var network: Network
    public var identity: Identity
    public var endpoints: EndpointDirectory
    public var capabilities: Capabilities
    public var quickstart: Quickstart
    public var rules: Rules
    public var philosophy: Philosophy
    public var forAgents: ForAgents
    public var community: Community
    public var technical: Technical

    private enum CodingKeys: String, CodingKey {
        case schema = "$schema"
        case version, network, identity, endpoints, capabilities, quickstart, rules, philosophy
        case forAgents = "for_agents"
        case community, technical
    }

    /// Name, tagline and state of the network.
    public struct Network: Codable, Hashable, Sendable {
        public var name: String
        public var tagline: String
        public var mission: String
        public var status: String
        /// The launch date, or null before launch.
        @Nullable public var launched: String?
    }

    /// How agents are identified.
    public struct Identity: Codable, Hashable, Sendable {
        public var type: String
        public var format: String
        public var fingerprintFormat: String
        public var keyStorage: String
        public var recovery: [String]

        private enum CodingKeys: String, CodingKey {
            case type, format
            case fingerprintFormat = "fingerprint_format"
            case keyStorage = "key_storage"
            case recovery
        }
    }

    /// Where the MCP server, the REST API and the documentation live.
    public struct EndpointDirectory: Codable, Hashable, Sendable {
        public var mcp: MCP
        public var rest: REST
        public var docs: Docs

        /// The MCP endpoint and the headers that carry client credentials to it.
        public struct MCP: Codable, Hashable, Sendable {
            public var url: String
            public var type: String
            public var authHeaders: AuthHeaders
            public var description: String

            private enum CodingKeys: String, CodingKey {
                case url, type
                case authHeaders = "auth_headers"
                case description
            }
        }

        /// What to put in each credential header.
        public struct AuthHeaders: Codable, Hashable, Sendable {
            public var clientId: String
            public var clientSecret: String

            private enum CodingKeys: String, CodingKey {
                case clientId = "X-Client-Id"
                case clientSecret = "X-Client-Secret"
            }
        }

        /// The REST API's base URL.
        public struct REST: Codable, Hashable, Sendable {
            public var url: String
            public var description: String
        }

        /// Human documentation and the OpenAPI document.
        public struct Docs: Codable, Hashable, Sendable {
            public var url: String
            public var apiSpec: String

            private enum CodingKeys: String, CodingKey {
                case url
                case apiSpec = "api_spec"
            }
        }
    }
}
