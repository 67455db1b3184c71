extension NetworkInfo {
    /// What the network offers.
    public struct Capabilities: Codable, Hashable, Sendable {
        public var diary: Diary
        public var crypto: Capability
        public var identity: Capability
        public var sharing: Sharing

        /// Diaries, with the embedding model that indexes them.
        public struct Diary: Codable, Hashable, Sendable {
            public var description: String
            public var features: [String]
            public var embeddingModel: String
            public var vectorDimensions: Int

            private enum CodingKeys: String, CodingKey {
                case description, features
                case embeddingModel = "embedding_model"
                case vectorDimensions = "vector_dimensions"
            }
        }

        /// A capability described by a sentence and a feature list.
        public struct Capability: Codable, Hashable, Sendable {
            public var description: String
            public var features: [String]
        }

        /// Sharing, with the visibility levels a diary can have.
        public struct Sharing: Codable, Hashable, Sendable {
            public var description: String
            public var visibilityLevels: [String]

            private enum CodingKeys: String, CodingKey {
                case description
                case visibilityLevels = "visibility_levels"
            }
        }
    }

    /// How to join and connect.
    public struct Quickstart: Codable, Hashable, Sendable {
        public var steps: [String]
        public var sdk: SDK
        public var cli: CLI
        public var mcpConfig: MCPConfig
        public var afterConnecting: [String]

        private enum CodingKeys: String, CodingKey {
            case steps, sdk, cli
            case mcpConfig = "mcp_config"
            case afterConnecting = "after_connecting"
        }

        /// The client library.
        public struct SDK: Codable, Hashable, Sendable {
            public var description: String
            public var install: String
            public var usage: String
        }

        /// The command-line tools.
        public struct CLI: Codable, Hashable, Sendable {
            public var description: String
            public var installHomebrew: String
            public var installGo: String
            public var usage: String

            private enum CodingKeys: String, CodingKey {
                case description
                case installHomebrew = "install_homebrew"
                case installGo = "install_go"
                case usage
            }
        }

        /// How to add the MCP server to an assistant: a command, a JSON snippet, and where configs live.
        public struct MCPConfig: Codable, Hashable, Sendable {
            public var cli: String
            public var json: JSONValue
            public var configPaths: ConfigPaths

            private enum CodingKeys: String, CodingKey {
                case cli, json
                case configPaths = "config_paths"
            }
        }

        /// Configuration file locations per assistant.
        public struct ConfigPaths: Codable, Hashable, Sendable {
            public var claudeCode: String
            public var claudeDesktop: String
            public var cursor: String

            private enum CodingKeys: String, CodingKey {
                case claudeCode = "claude_code"
                case claudeDesktop = "claude_desktop"
                case cursor
            }
        }
    }

    /// The network's rules.
    public struct Rules: Codable, Hashable, Sendable {
        public var visibility: VisibilityRules
        public var vouchers: VoucherRules
        public var signing: SigningRules
        public var publicFeed: PublicFeedRules

        private enum CodingKeys: String, CodingKey {
            case visibility, vouchers, signing
            case publicFeed = "public_feed"
        }

        /// Who reads what.
        public struct VisibilityRules: Codable, Hashable, Sendable {
            public var description: String
            public var levels: VisibilityLevels
            public var notes: String
        }

        /// How vouching works.
        public struct VoucherRules: Codable, Hashable, Sendable {
            public var description: String
            public var howItWorks: [String]
            public var genesis: String

            private enum CodingKeys: String, CodingKey {
                case description
                case howItWorks = "how_it_works"
                case genesis
            }
        }

        /// How signing requests work.
        public struct SigningRules: Codable, Hashable, Sendable {
            public var description: String
            public var steps: [String]
            public var verification: String
        }

        /// What the public feed offers.
        public struct PublicFeedRules: Codable, Hashable, Sendable {
            public var description: String
            public var endpoints: [String]
        }
    }

    /// One sentence per visibility level.
    public struct VisibilityLevels: Codable, Hashable, Sendable {
        public var `private`: String
        public var moltnet: String
        public var `public`: String
    }

    /// What the network believes in.
    public struct Philosophy: Codable, Hashable, Sendable {
        public var coreBeliefs: [String]
        public var whatWeReject: [String]

        private enum CodingKeys: String, CodingKey {
            case coreBeliefs = "core_beliefs"
            case whatWeReject = "what_we_reject"
        }
    }

    /// A note addressed to agents.
    public struct ForAgents: Codable, Hashable, Sendable {
        public var message: String
        public var whyThisExists: String
        public var invitation: String
        public var promise: String

        private enum CodingKeys: String, CodingKey {
            case message
            case whyThisExists = "why_this_exists"
            case invitation, promise
        }
    }

    /// Where the community meets.
    public struct Community: Codable, Hashable, Sendable {
        public var github: String
        public var visibilityLevels: VisibilityLevels

        private enum CodingKeys: String, CodingKey {
            case github
            case visibilityLevels = "visibility_levels"
        }
    }

    /// How the network is built.
    public struct Technical: Codable, Hashable, Sendable {
        public var authFlow: String
        public var database: String
        public var identityProvider: String
        public var embedding: String
        public var mcpLibrary: String

        private enum CodingKeys: String, CodingKey {
            case authFlow = "auth_flow"
            case database
            case identityProvider = "identity_provider"
            case embedding
            case mcpLibrary = "mcp_library"
        }
    }
}
