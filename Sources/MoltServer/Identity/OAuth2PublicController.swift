import MoltCore
import Foundation

/// Hydra's public routes that are not part of the MoltNet REST API: `GET /.well-known/jwks.json` and
/// `GET /.well-known/openid-configuration`, plus `POST /oauth2/token` (OAuth2's wire shape).
struct OAuth2PublicController: Sendable {
    let oauth2: any OAuth2Provider
    /// The issuer URL with its trailing slash.
    let issuer: String

    func register(in router: inout Router) {
        router.add(.get, "/.well-known/jwks.json") { _, _ in await jwks() }
        router.add(.get, "/.well-known/openid-configuration") { _, _ in openIDConfiguration() }
        let endpoint = OAuth2TokenEndpoint(oauth2: oauth2)
        router.add(.post, "/oauth2/token") { request, _ in await endpoint.respond(to: request) }
    }

    /// - Remark: GET /.well-known/jwks.json (discoverJsonWebKeys)
    func jwks() async -> HTTPResponse {
        do {
            let keys = try await oauth2.jsonWebKeys()
            let document: JSONValue = .object([
                "keys": .array(
                    keys.map { key in
                        .object([
                            "kty": .string(key.kty), "crv": .string(key.crv), "x": .string(key.x),
                            "kid": .string(key.kid), "alg": .string(key.alg), "use": .string(key.use),
                        ])
                    })
            ])
            return .json(document.encoded, headers: ["Cache-Control": "public, max-age=600"])
        } catch {
            return OryErrorResponse.oauth2(error)
        }
    }

    /// - Remark: GET /.well-known/openid-configuration (discoverOidcConfiguration)
    func openIDConfiguration() -> HTTPResponse {
        let base = issuer.hasSuffix("/") ? String(issuer.dropLast()) : issuer
        let document: JSONValue = .object([
            "issuer": .string(issuer),
            "authorization_endpoint": .string("\(base)/oauth2/auth"),
            "device_authorization_endpoint": .string("\(base)/oauth2/device/auth"),
            "token_endpoint": .string("\(base)/oauth2/token"),
            "jwks_uri": .string("\(base)/.well-known/jwks.json"),
            "subject_types_supported": .strings(["public"]),
            "response_types_supported": .strings(["token"]),
            "grant_types_supported": .strings(["client_credentials"]),
            "token_endpoint_auth_methods_supported": .strings(["client_secret_post", "client_secret_basic"]),
            "scopes_supported": .strings(GenesisBootstrap.defaultScopes),
            "id_token_signing_alg_values_supported": .strings(["EdDSA"]),
            "id_token_signed_response_alg": .strings(["EdDSA"]),
            "userinfo_signed_response_alg": .strings(["none"]),
            "request_parameter_supported": .bool(false),
            "claims_supported": .strings(["sub", "iss", "client_id", "scp"]),
        ])
        return .json(document.encoded)
    }
}
