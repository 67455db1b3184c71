import MoltCore

extension MoltNetConfig {
    /// The file's JSON in the reference's key order; `null` or non-object sections read as absent/empty.
    init(json: OrderedJSON) {
        func string(_ value: OrderedJSON?, _ key: String) -> String {
            guard case .string(let text)? = value?[key].flatMap(Self.scalar) else { return "" }
            return text
        }
        func section(_ key: String) -> OrderedJSON? {
            json[key].flatMap { $0.members == nil ? nil : $0 }
        }
        let oauth2 = section("oauth2")
        let keys = section("keys")
        let endpoints = section("endpoints")
        self.init(
            identityID: string(json, "identity_id"),
            oauth2: OAuth2(
                clientID: string(oauth2, "client_id"), clientSecret: Secret(string(oauth2, "client_secret"))),
            keys: Keys(
                publicKey: string(keys, "public_key"), privateKey: Secret(string(keys, "private_key")),
                fingerprint: string(keys, "fingerprint")),
            endpoints: Endpoints(api: string(endpoints, "api"), mcp: string(endpoints, "mcp")),
            registeredAt: string(json, "registered_at"),
            ssh: section("ssh").map {
                SSH(privateKeyPath: string($0, "private_key_path"), publicKeyPath: string($0, "public_key_path"))
            },
            git: section("git").map {
                var signing = false
                if case .bool(let value)? = $0["signing"] { signing = value }
                return Git(
                    name: string($0, "name"), email: string($0, "email"), signing: signing,
                    configPath: string($0, "config_path"))
            },
            github: section("github").map {
                GitHub(
                    appID: string($0, "app_id"), appSlug: string($0, "app_slug"),
                    installationID: string($0, "installation_id"), privateKeyPath: string($0, "private_key_path"))
            })
    }

    /// The JSON Go's `CredentialsFile` struct marshals to: fixed key order, optional sections omitted when
    /// nil, `app_slug` omitted when empty.
    var json: OrderedJSON {
        var members: [(key: String, value: OrderedJSON)] = [
            ("identity_id", .string(identityID)),
            (
                "oauth2",
                .object([
                    ("client_id", .string(oauth2.clientID)), ("client_secret", .string(oauth2.clientSecret.value)),
                ])
            ),
            (
                "keys",
                .object([
                    ("public_key", .string(keys.publicKey)), ("private_key", .string(keys.privateKey.value)),
                    ("fingerprint", .string(keys.fingerprint)),
                ])
            ),
            ("endpoints", .object([("api", .string(endpoints.api)), ("mcp", .string(endpoints.mcp))])),
            ("registered_at", .string(registeredAt)),
        ]
        if let ssh {
            members.append(
                (
                    "ssh",
                    .object([
                        ("private_key_path", .string(ssh.privateKeyPath)),
                        ("public_key_path", .string(ssh.publicKeyPath)),
                    ])
                ))
        }
        if let git {
            members.append(
                (
                    "git",
                    .object([
                        ("name", .string(git.name)), ("email", .string(git.email)), ("signing", .bool(git.signing)),
                        ("config_path", .string(git.configPath)),
                    ])
                ))
        }
        if let github {
            var fields: [(key: String, value: OrderedJSON)] = [("app_id", .string(github.appID))]
            if !github.appSlug.isEmpty { fields.append(("app_slug", .string(github.appSlug))) }
            fields.append(("installation_id", .string(github.installationID)))
            fields.append(("private_key_path", .string(github.privateKeyPath)))
            members.append(("github", .object(fields)))
        }
        return .object(members)
    }

    /// A parsed scalar as a decoded value (string literals decoded; other values as they are).
    private static func scalar(_ value: OrderedJSON) -> OrderedJSON? {
        if case .literal(let token) = value, token.hasPrefix("\"") { return try? JSONScalar.decodeString(token) }
        return value
    }
}
