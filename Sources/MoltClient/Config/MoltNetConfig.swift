public import MoltCore

/// The contents of the credentials file `moltnet.json` (spec §7.1), field for field as the reference writes it.
///
/// Reading is lenient like Go's decoder: a missing string is empty, unknown members are ignored. Writing
/// (through ``CredentialsFile``) keeps the reference's key order and keeps the optional `ssh`, `git` and
/// `github` sections when present. The OAuth2 secret and the private key seed are wrapped in `Secret`.
public struct MoltNetConfig: Sendable {
    public var identityID: String
    public var oauth2: OAuth2
    public var keys: Keys
    public var endpoints: Endpoints
    /// RFC 3339 UTC timestamp with nanoseconds, as Go's `time.RFC3339Nano` writes it.
    public var registeredAt: String
    public var ssh: SSH?
    public var git: Git?
    public var github: GitHub?

    public init(
        identityID: String, oauth2: OAuth2, keys: Keys, endpoints: Endpoints, registeredAt: String,
        ssh: SSH? = nil, git: Git? = nil, github: GitHub? = nil
    ) {
        self.identityID = identityID
        self.oauth2 = oauth2
        self.keys = keys
        self.endpoints = endpoints
        self.registeredAt = registeredAt
        self.ssh = ssh
        self.git = git
        self.github = github
    }

    /// `oauth2`: the client credentials.
    public struct OAuth2: Sendable {
        public var clientID: String
        public var clientSecret: Secret<String>

        public init(clientID: String, clientSecret: Secret<String>) {
            self.clientID = clientID
            self.clientSecret = clientSecret
        }
    }

    /// `keys`: the Ed25519 identity.
    public struct Keys: Sendable {
        /// `ed25519:<base64>`.
        public var publicKey: String
        /// The base64 32-byte seed.
        public var privateKey: Secret<String>
        /// `XXXX-XXXX-XXXX-XXXX`.
        public var fingerprint: String

        public init(publicKey: String, privateKey: Secret<String>, fingerprint: String) {
            self.publicKey = publicKey
            self.privateKey = privateKey
            self.fingerprint = fingerprint
        }
    }

    /// `endpoints`: where the agent's network lives.
    public struct Endpoints: Sendable, Equatable {
        public var api: String
        public var mcp: String

        public init(api: String, mcp: String) {
            self.api = api
            self.mcp = mcp
        }

        /// The endpoints of an API root: `<api>` and `<api>/mcp` (spec §7.2), trailing `/` trimmed.
        public init(api: String) {
            let trimmed = APIBaseURL.trimmed(api)
            self.init(api: trimmed, mcp: trimmed + "/mcp")
        }
    }

    /// `ssh`: key files exported for git signing.
    public struct SSH: Sendable, Equatable {
        public var privateKeyPath: String
        public var publicKeyPath: String

        public init(privateKeyPath: String, publicKeyPath: String) {
            self.privateKeyPath = privateKeyPath
            self.publicKeyPath = publicKeyPath
        }
    }

    /// `git`: the git identity set up for signed commits.
    public struct Git: Sendable, Equatable {
        public var name: String
        public var email: String
        public var signing: Bool
        public var configPath: String

        public init(name: String, email: String, signing: Bool, configPath: String) {
            self.name = name
            self.email = email
            self.signing = signing
            self.configPath = configPath
        }
    }

    /// `github`: a GitHub App installation.
    public struct GitHub: Sendable, Equatable {
        public var appID: String
        /// Omitted from the file when empty.
        public var appSlug: String
        public var installationID: String
        public var privateKeyPath: String

        public init(appID: String, appSlug: String = "", installationID: String, privateKeyPath: String) {
            self.appID = appID
            self.appSlug = appSlug
            self.installationID = installationID
            self.privateKeyPath = privateKeyPath
        }
    }

    /// The client credentials for the token manager.
    public var clientCredentials: ClientCredentials {
        ClientCredentials(clientID: oauth2.clientID, clientSecret: oauth2.clientSecret)
    }
}
