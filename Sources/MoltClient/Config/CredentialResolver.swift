import Foundation
public import MoltCore

/// Finds the credentials and API URL a client should use, in the reference SDK's order (spec §7.1).
///
/// Highest priority first: explicit options (a client id and secret), the environment
/// (`MOLTNET_CLIENT_ID` + `MOLTNET_CLIENT_SECRET`), the credentials file. The API URL is the explicit one,
/// else `MOLTNET_API_URL`, else (for file credentials only) the file's `endpoints.api`, else
/// `https://api.themolt.net`; trailing `/` is trimmed.
public struct CredentialResolver: Sendable {
    /// Where the credentials came from.
    public enum Source: Sendable, Equatable {
        case explicit
        case environment
        case file(path: String)
    }

    /// Credentials ready to use.
    public struct Resolved: Sendable {
        public let credentials: ClientCredentials
        public let apiBaseURL: String
        public let source: Source
        /// The whole file when the credentials came from it (keys, endpoints…).
        public let config: MoltNetConfig?
        /// Notices for the user (a deprecated legacy file name).
        public let warnings: [String]
    }

    /// The production API.
    public static let defaultAPIBaseURL = APIBaseURL.production

    public var clientID: String?
    public var clientSecret: Secret<String>?
    public var apiURL: String?
    /// The environment to read (the process environment when nil).
    public var environment: [String: String]?
    /// The credentials file (the standard one when nil).
    public var file: CredentialsFile?

    public init(
        clientID: String? = nil, clientSecret: Secret<String>? = nil, apiURL: String? = nil,
        environment: [String: String]? = nil, file: CredentialsFile? = nil
    ) {
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.apiURL = apiURL
        self.environment = environment
        self.file = file
    }

    /// Resolves credentials and the API URL.
    /// - Throws: ``CredentialsError`` `notFound` when no source has credentials, or the file's own errors
    ///   (permissions, invalid JSON) when it is consulted.
    public func resolve() throws(CredentialsError) -> Resolved {
        let environment = environment ?? ProcessInfo.processInfo.environment
        func value(_ name: String) -> String? {
            environment[name].flatMap { $0.isEmpty ? nil : $0 }
        }
        let explicitURL = apiURL.flatMap { $0.isEmpty ? nil : $0 }
        if let clientID, !clientID.isEmpty, let clientSecret, !clientSecret.value.isEmpty {
            return Resolved(
                credentials: ClientCredentials(clientID: clientID, clientSecret: clientSecret),
                apiBaseURL: Self.api(explicitURL, value("MOLTNET_API_URL")), source: .explicit, config: nil,
                warnings: [])
        }
        if let id = value("MOLTNET_CLIENT_ID"), let secret = value("MOLTNET_CLIENT_SECRET") {
            return Resolved(
                credentials: ClientCredentials(clientID: id, clientSecret: Secret(secret)),
                apiBaseURL: Self.api(explicitURL, value("MOLTNET_API_URL")), source: .environment, config: nil,
                warnings: [])
        }
        let file: CredentialsFile
        if let explicitFile = self.file {
            file = explicitFile
        } else {
            file = try CredentialsFile.standard(environment: environment)
        }
        guard let loaded = try file.read(), !loaded.config.oauth2.clientID.isEmpty else {
            throw CredentialsError(.notFound, path: file.path)
        }
        let fileURL = loaded.config.endpoints.api.isEmpty ? nil : loaded.config.endpoints.api
        return Resolved(
            credentials: loaded.config.clientCredentials,
            apiBaseURL: Self.api(explicitURL, value("MOLTNET_API_URL"), fileURL), source: .file(path: loaded.path),
            config: loaded.config, warnings: loaded.warnings)
    }

    private static func api(_ candidates: String?...) -> String {
        APIBaseURL.trimmed(candidates.lazy.compactMap { $0 }.first ?? APIBaseURL.production)
    }
}
