import Foundation
import MoltClient
import MoltCore
import Testing

@Suite("credentials file moltnet.json")
struct CredentialsFileTests {
    static let config = MoltNetConfig(
        identityID: "7f1c1c2e-8a55-4a8e-9a40-2f2a3b7c9d10",
        oauth2: .init(clientID: "client-1", clientSecret: Secret("secret-1")),
        keys: .init(
            publicKey: "ed25519:AAAA", privateKey: Secret("c2VlZA=="), fingerprint: "39F7-13D0-A644-253F"),
        endpoints: .init(api: "https://api.themolt.net/"),
        registeredAt: "2026-02-23T10:11:12.345678901Z")

    /// What Go's `json.MarshalIndent(config, "", "  ")` + "\n" writes for `config`.
    static let golden = """
        {
          "identity_id": "7f1c1c2e-8a55-4a8e-9a40-2f2a3b7c9d10",
          "oauth2": {
            "client_id": "client-1",
            "client_secret": "secret-1"
          },
          "keys": {
            "public_key": "ed25519:AAAA",
            "private_key": "c2VlZA==",
            "fingerprint": "39F7-13D0-A644-253F"
          },
          "endpoints": {
            "api": "https://api.themolt.net",
            "mcp": "https://api.themolt.net/mcp"
          },
          "registered_at": "2026-02-23T10:11:12.345678901Z"
        }

        """

    @Test("writes the reference's exact format with mode 0600 in a new 0700 directory")
    func writesExactFormat() async throws {
        try await withTemporaryDirectory { root in
            let file = try CredentialsFile.standard(environment: ["XDG_CONFIG_HOME": root])
            #expect(file.path == root + "/moltnet/moltnet.json")
            try file.write(Self.config)
            #expect(try readFile(file.path) == Self.golden)
            #expect(permissions(file.path) == 0o600)
            #expect(permissions(root + "/moltnet") == 0o700)
            #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/moltnet") == ["moltnet.json"])
            let loaded = try #require(try file.read())
            #expect(loaded.warnings.isEmpty)
            #expect(loaded.config.identityID == Self.config.identityID)
            #expect(loaded.config.oauth2.clientSecret.value == "secret-1")
            #expect(loaded.config.keys.privateKey.value == "c2VlZA==")
            #expect(CredentialsFile.render(loaded.config) == Self.golden)
        }
    }

    @Test("keeps the optional ssh, git and github sections on rewrite, in Go's order")
    func keepsOptionalSections() async throws {
        try await withTemporaryDirectory { root in
            var config = Self.config
            config.ssh = .init(privateKeyPath: "/k/id_ed25519", publicKeyPath: "/k/id_ed25519.pub")
            config.git = .init(
                name: "moltnet-agent-7f1c1c2e", email: "a@agents.themolt.net", signing: true, configPath: "/g")
            config.github = .init(appID: "12", installationID: "34", privateKeyPath: "/app.pem")
            let file = CredentialsFile(path: root + "/explicit.json")
            try file.write(config)
            var reread = try #require(try file.read()).config
            reread.endpoints = .init(api: "http://127.0.0.1:8000")
            try file.write(reread)
            let text = try readFile(file.path)
            #expect(
                text.hasSuffix(
                    """
                      "registered_at": "2026-02-23T10:11:12.345678901Z",
                      "ssh": {
                        "private_key_path": "/k/id_ed25519",
                        "public_key_path": "/k/id_ed25519.pub"
                      },
                      "git": {
                        "name": "moltnet-agent-7f1c1c2e",
                        "email": "a@agents.themolt.net",
                        "signing": true,
                        "config_path": "/g"
                      },
                      "github": {
                        "app_id": "12",
                        "installation_id": "34",
                        "private_key_path": "/app.pem"
                      }
                    }

                    """))
            #expect(text.contains(#""mcp": "http://127.0.0.1:8000/mcp""#))
            let final = try #require(try file.read()).config
            #expect(final.git?.signing == true)
            #expect(final.github?.appSlug == "")
        }
    }

    @Test("refuses a file other users can read, telling the user to chmod 600")
    func refusesOpenPermissions() async throws {
        try await withTemporaryDirectory { root in
            let file = CredentialsFile(path: root + "/moltnet.json")
            try writeFile(file.path, Self.golden, mode: 0o644)
            let error = #expect(throws: CredentialsError.self) { try file.read() }
            #expect(error?.code == .insecurePermissions(mode: 0o644))
            #expect(
                error?.description
                    == "\(file.path) is accessible by other users (mode 644); run `chmod 600 \(file.path)` and try again"
            )
            #expect(error?.description.contains("secret-1") == false)
            chmod(file.path, 0o640)
            #expect(throws: CredentialsError.self) { try file.read() }
            chmod(file.path, 0o600)
            #expect(try file.read()?.config.oauth2.clientID == "client-1")
        }
    }

    @Test("falls back to the legacy credentials.json with a deprecation warning, and writes moltnet.json")
    func legacyFallback() async throws {
        try await withTemporaryDirectory { root in
            let file = try CredentialsFile.standard(environment: ["HOME": root])
            #expect(file.path == root + "/.config/moltnet/moltnet.json")
            #expect(try file.read() == nil)
            try writeFile(root + "/.config/moltnet/credentials.json", Self.golden)
            let legacy = try #require(try file.read())
            #expect(legacy.path == root + "/.config/moltnet/credentials.json")
            #expect(
                legacy.warnings == [
                    "credentials.json is deprecated; new writes use moltnet.json. Support will be removed in 3 minor versions."
                ])
            try file.write(legacy.config)
            let current = try #require(try file.read())
            #expect(current.path == file.path)
            #expect(current.warnings.isEmpty)
            #expect(try CredentialsFile(path: root + "/.config/moltnet/other.json").read() == nil)
        }
    }

    @Test("XDG_CONFIG_HOME counts only as an absolute path")
    func xdgConfigHome() throws {
        #expect(
            try ConfigDirectory.moltnet(environment: ["XDG_CONFIG_HOME": "/x/conf", "HOME": "/h"]) == "/x/conf/moltnet")
        #expect(
            try ConfigDirectory.moltnet(environment: ["XDG_CONFIG_HOME": "rel", "HOME": "/h"]) == "/h/.config/moltnet")
        #expect(try ConfigDirectory.moltnet(environment: ["HOME": "/h/"]) == "/h/.config/moltnet")
    }

    @Test("replaces an existing file atomically, tightening its mode to 0600")
    func replacesExisting() async throws {
        try await withTemporaryDirectory { root in
            let file = CredentialsFile(path: root + "/moltnet.json")
            try writeFile(file.path, "old", mode: 0o644)
            try file.write(Self.config)
            #expect(permissions(file.path) == 0o600)
            #expect(try readFile(file.path) == Self.golden)
            #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["moltnet.json"])
        }
    }

    @Test("escapes like Go: HTML characters and line separators as \\u, other Unicode as is")
    func goEscaping() throws {
        var config = Self.config
        config.identityID = "<a&b> é \u{2028} \"q\" \\ \n\t\u{01}"
        let text = CredentialsFile.render(config)
        #expect(text.contains(#""identity_id": "\u003ca\u0026b\u003e é \u2028 \"q\" \\ \n\t\u0001","#))
        #expect(try CredentialsFile.parse(text).identityID == config.identityID)
    }

    @Test("reports invalid JSON and non-object files without their contents")
    func invalidJSON() async throws {
        try await withTemporaryDirectory { root in
            let file = CredentialsFile(path: root + "/moltnet.json")
            try writeFile(file.path, #"{"oauth2": {"client_secret": "leak"}"#)
            let error = #expect(throws: CredentialsError.self) { try file.read() }
            #expect(error?.description.hasPrefix("\(file.path) is not valid JSON") == true)
            #expect(error?.description.contains("leak") == false)
            try writeFile(file.path, "[1, 2]")
            #expect(throws: CredentialsError(.invalidJSON(reason: "the top level is not an object"), path: file.path)) {
                try file.read()
            }
        }
    }
}
