public import Foundation
public import MoltCore
public import MoltPostgres

/// The identity, OAuth2 and permission services a server runs with, chosen by `IdentityConfiguration`,
/// plus what is built on them: bearer authentication, the token endpoint and genesis bootstrap.
///
/// The embedded implementations, where in use, also back the Ory-compatible admin API; a service on real
/// Ory has no admin routes here (point the console at Ory itself).
public struct IdentityServices: Sendable {
    public let identities: any IdentityProvider
    public let oauth2: any OAuth2Provider
    public let permissions: any PermissionEngine
    public let authenticator: BearerAuthenticator
    public let tokenEndpoint: OAuth2TokenEndpoint
    public let genesis: GenesisBootstrap
    /// The `iss` of embedded tokens.
    public let issuer: String

    /// The embedded implementations in use (nil for a service on real Ory).
    public let embeddedIdentities: EmbeddedIdentityProvider?
    public let embeddedOAuth2: EmbeddedOAuth2Provider?
    public let embeddedPermissions: EmbeddedPermissionEngine?
    let database: PostgresPool

    /// Builds the services.
    /// - Parameters:
    ///   - publicBaseURL: the public listener's base URL: issuer of embedded tokens and base of recovery links.
    public init(
        configuration: IdentityConfiguration, database: PostgresPool, publicBaseURL: String,
        clock: @escaping @Sendable () -> Date = { Date() }, logger: Logger = .disabled
    ) {
        let store = EmbeddedStore(database: database, clock: clock, logger: logger)
        let hasher = SecretHasher(strength: configuration.secretHashStrength)
        issuer = publicBaseURL.hasSuffix("/") ? publicBaseURL : publicBaseURL + "/"
        let apiKey = configuration.apiKey

        if let admin = configuration.kratosAdminURL {
            identities = OryIdentityProvider(adminURL: admin, publicURL: configuration.kratosPublicURL, apiKey: apiKey)
            embeddedIdentities = nil
        } else {
            let embedded = EmbeddedIdentityProvider(store: store, hasher: hasher, publicBaseURL: publicBaseURL)
            identities = embedded
            embeddedIdentities = embedded
        }
        if let admin = configuration.hydraAdminURL {
            oauth2 = OryOAuth2Provider(
                adminURL: admin, publicURL: configuration.hydraPublicURL, apiKey: apiKey, clock: clock)
            embeddedOAuth2 = nil
        } else {
            let embedded = EmbeddedOAuth2Provider(store: store, hasher: hasher, identities: identities, issuer: issuer)
            oauth2 = embedded
            embeddedOAuth2 = embedded
        }
        if let read = configuration.ketoReadURL, let write = configuration.ketoWriteURL {
            permissions = OryPermissionEngine(readURL: read, writeURL: write, apiKey: apiKey)
            embeddedPermissions = nil
        } else {
            let embedded = EmbeddedPermissionEngine(store: store)
            permissions = embedded
            embeddedPermissions = embedded
        }
        authenticator = BearerAuthenticator(oauth2: oauth2)
        tokenEndpoint = OAuth2TokenEndpoint(oauth2: oauth2)
        genesis = GenesisBootstrap(
            identities: identities, oauth2: oauth2, permissions: permissions, database: database, logger: logger)
        self.database = database
    }

    /// Hydra's public routes on the public listener: JWKS, OpenID discovery and `POST /oauth2/token`.
    public func registerPublicRoutes(in router: inout Router) {
        OAuth2PublicController(oauth2: oauth2, issuer: issuer).register(in: &router)
    }

    /// The Ory-compatible admin API of the embedded services, health and version, genesis bootstrap, and
    /// Hydra's public routes (so one admin URL serves everything, as Ory Network's project URL does).
    public func registerAdminRoutes(in router: inout Router) {
        OryMetadataController(database: database).register(in: &router)
        if let embeddedIdentities { KratosAdminController(identities: embeddedIdentities).register(in: &router) }
        if let embeddedOAuth2 { HydraAdminController(oauth2: embeddedOAuth2).register(in: &router) }
        if let embeddedPermissions { KetoController(permissions: embeddedPermissions).register(in: &router) }
        GenesisController(genesis: genesis).register(in: &router)
        OAuth2PublicController(oauth2: oauth2, issuer: issuer).register(in: &router)
    }
}
