import MoltClient
import MoltCore
import Testing

@Suite("credential resolution order")
struct CredentialResolverTests {
    static func fileWithCredentials(_ root: String, api: String = "http://127.0.0.1:8000") throws -> CredentialsFile {
        let file = CredentialsFile(path: root + "/moltnet.json")
        var config = CredentialsFileTests.config
        config.oauth2 = .init(clientID: "file-id", clientSecret: Secret("file-secret"))
        config.endpoints = .init(api: api)
        try file.write(config)
        return file
    }

    @Test("explicit options win over the environment and the file, with the explicit or env API URL")
    func explicitFirst() async throws {
        try await withTemporaryDirectory { root in
            let environment = ["MOLTNET_CLIENT_ID": "env-id", "MOLTNET_CLIENT_SECRET": "env-secret"]
            let resolver = CredentialResolver(
                clientID: "opt-id", clientSecret: Secret("opt-secret"), environment: environment,
                file: try Self.fileWithCredentials(root))
            let resolved = try resolver.resolve()
            #expect(resolved.source == .explicit)
            #expect(resolved.credentials.clientID == "opt-id")
            #expect(resolved.apiBaseURL == "https://api.themolt.net")
            var withURL = resolver
            withURL.apiURL = "http://localhost:8000/"
            #expect(try withURL.resolve().apiBaseURL == "http://localhost:8000")
            withURL.apiURL = nil
            withURL.environment = environment.merging(["MOLTNET_API_URL": "http://env:1//"]) { $1 }
            #expect(try withURL.resolve().apiBaseURL == "http://env:1")
        }
    }

    @Test("the environment pair comes next; a lone id or secret does not count")
    func environmentNext() async throws {
        try await withTemporaryDirectory { root in
            let file = try Self.fileWithCredentials(root)
            let env = CredentialResolver(
                environment: ["MOLTNET_CLIENT_ID": "env-id", "MOLTNET_CLIENT_SECRET": "env-secret"], file: file)
            let resolved = try env.resolve()
            #expect(resolved.source == .environment)
            #expect(resolved.credentials.clientSecret.value == "env-secret")
            #expect(resolved.apiBaseURL == "https://api.themolt.net")
            let partial = CredentialResolver(environment: ["MOLTNET_CLIENT_ID": "env-id"], file: file)
            #expect(try partial.resolve().source == .file(path: file.path))
        }
    }

    @Test("the file comes last, with its endpoints.api unless an API URL is given")
    func fileLast() async throws {
        try await withTemporaryDirectory { root in
            let file = try Self.fileWithCredentials(root, api: "http://127.0.0.1:8000/")
            let resolved = try CredentialResolver(environment: [:], file: file).resolve()
            #expect(resolved.source == .file(path: file.path))
            #expect(resolved.credentials.clientID == "file-id")
            #expect(resolved.apiBaseURL == "http://127.0.0.1:8000")
            #expect(resolved.config?.keys.fingerprint == "39F7-13D0-A644-253F")
            let overridden = try CredentialResolver(environment: ["MOLTNET_API_URL": "http://other"], file: file)
                .resolve()
            #expect(overridden.apiBaseURL == "http://other")
            let fileWithoutAPI = try Self.fileWithCredentials(root, api: "")
            #expect(
                try CredentialResolver(environment: [:], file: fileWithoutAPI).resolve().apiBaseURL
                    == "https://api.themolt.net")
        }
    }

    @Test("the standard file is found through XDG_CONFIG_HOME; nothing anywhere is notFound")
    func standardFileAndNotFound() async throws {
        try await withTemporaryDirectory { root in
            let environment = ["XDG_CONFIG_HOME": root]
            let error = #expect(throws: CredentialsError.self) {
                try CredentialResolver(environment: environment).resolve()
            }
            #expect(error?.code == .notFound)
            #expect(error?.path == root + "/moltnet/moltnet.json")
            _ = try Self.fileWithCredentials(root + "/moltnet")
            let resolved = try CredentialResolver(environment: environment).resolve()
            #expect(resolved.source == .file(path: root + "/moltnet/moltnet.json"))
        }
    }
}
