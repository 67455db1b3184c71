/// The client-credentials token request of `POST /oauth2/token` (spec §0.1, §1.2, §7.3).
///
/// Sent as a form (`client_secret_post`: the credentials go in the body); the server also accepts the
/// same members as JSON. openapi.json does not document this body. The description redacts the secret.
public struct OAuth2TokenRequest: Codable, Sendable, CustomStringConvertible, Validatable {
    /// The only grant MoltNet supports.
    public static let clientCredentials = "client_credentials"

    public var grantType: String
    public var clientId: String
    public var clientSecret: Secret<String>
    /// Accepted and echoed; scopes are never enforced (spec §9 #12).
    public var scope: String?

    public init(
        clientId: String, clientSecret: Secret<String>, scope: String? = nil,
        grantType: String = OAuth2TokenRequest.clientCredentials
    ) {
        self.grantType = grantType
        self.clientId = clientId
        self.clientSecret = clientSecret
        self.scope = scope
    }

    /// Parses a form body.
    /// - Throws: ``OAuth2Error`` `invalid_request` when `grant_type`, `client_id` or `client_secret` is absent.
    public init(formEncoded body: String) throws(OAuth2Error) {
        let items = FormURLEncoding.decode(body)
        func value(_ name: String) -> String? { items.first { $0.name == name }?.value }
        for name in ["grant_type", "client_id", "client_secret"] where value(name) == nil {
            throw OAuth2Error(.invalidRequest, description: "The request is missing the \(name) parameter.")
        }
        self.init(
            clientId: value("client_id") ?? "", clientSecret: Secret(value("client_secret") ?? ""),
            scope: value("scope"), grantType: value("grant_type") ?? "")
    }

    /// The form body, `grant_type=client_credentials&client_id=…&client_secret=…[&scope=…]`.
    public var formEncoded: String {
        var items = [
            QueryItem("grant_type", grantType), QueryItem("client_id", clientId),
            QueryItem("client_secret", clientSecret.value),
        ]
        if let scope { items.append(QueryItem("scope", scope)) }
        return FormURLEncoding.encode(items)
    }

    /// The OAuth2 error the token endpoint answers for this request before looking at the credentials:
    /// `unsupported_grant_type` for any grant but client_credentials, `invalid_request` for an empty client id.
    public var oauth2Error: OAuth2Error? {
        if grantType != Self.clientCredentials {
            return OAuth2Error(
                .unsupportedGrantType,
                description: "The authorization grant type is not supported. Only client_credentials is.")
        }
        if clientId.isEmpty {
            return OAuth2Error(.invalidRequest, description: "The request is missing the client_id parameter.")
        }
        return nil
    }

    /// The ``oauth2Error`` as a field error (the token endpoint itself answers with the OAuth2 shape).
    public func validate() -> [FieldError] {
        guard let error = oauth2Error else { return [] }
        let field = error.error == .unsupportedGrantType ? "/grant_type" : "/client_id"
        return [FieldError(field: field, message: error.errorDescription ?? error.error.rawValue)]
    }

    public var description: String {
        "OAuth2TokenRequest(grantType: \(grantType), clientId: \(clientId), clientSecret: <redacted>)"
    }

    private enum CodingKeys: String, CodingKey {
        case grantType = "grant_type"
        case clientId = "client_id"
        case clientSecret = "client_secret"
        case scope
    }
}

/// The token answer of `POST /oauth2/token`. Clients read `access_token` and `expires_in`; other members
/// an upstream adds are kept in ``additionalProperties``. The description redacts the tokens.
public struct OAuth2TokenResponse: Codable, Sendable, CustomStringConvertible {
    public var accessToken: Secret<String>
    /// `bearer`.
    public var tokenType: String
    /// Seconds the token stays valid (3600 for MoltNet's tokens).
    public var expiresIn: Int
    public var scope: String?
    public var refreshToken: Secret<String>?
    public var idToken: Secret<String>?
    /// Members beyond the documented ones.
    public var additionalProperties: [String: JSONValue]

    public init(
        accessToken: Secret<String>, tokenType: String = "bearer", expiresIn: Int, scope: String? = nil,
        refreshToken: Secret<String>? = nil, idToken: Secret<String>? = nil,
        additionalProperties: [String: JSONValue] = [:]
    ) {
        self.accessToken = accessToken
        self.tokenType = tokenType
        self.expiresIn = expiresIn
        self.scope = scope
        self.refreshToken = refreshToken
        self.idToken = idToken
        self.additionalProperties = additionalProperties
    }

    public var description: String {
        "OAuth2TokenResponse(tokenType: \(tokenType), expiresIn: \(expiresIn), accessToken: <redacted>)"
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case accessToken = "access_token"
        case tokenType = "token_type"
        case expiresIn = "expires_in"
        case scope
        case refreshToken = "refresh_token"
        case idToken = "id_token"
    }

    private static let memberNames = Set(CodingKeys.allCases.map(\.rawValue))

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        accessToken = try container.decode(Secret<String>.self, forKey: .accessToken)
        tokenType = try container.decode(String.self, forKey: .tokenType)
        expiresIn = try container.decode(Int.self, forKey: .expiresIn)
        scope = try container.decodeIfPresent(String.self, forKey: .scope)
        refreshToken = try container.decodeIfPresent(Secret<String>.self, forKey: .refreshToken)
        idToken = try container.decodeIfPresent(Secret<String>.self, forKey: .idToken)
        additionalProperties = try decoder.container(keyedBy: DynamicCodingKey.self)
            .extensionMembers(excluding: Self.memberNames)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(accessToken, forKey: .accessToken)
        try container.encode(tokenType, forKey: .tokenType)
        try container.encode(expiresIn, forKey: .expiresIn)
        try container.encodeIfPresent(scope, forKey: .scope)
        try container.encodeIfPresent(refreshToken, forKey: .refreshToken)
        try container.encodeIfPresent(idToken, forKey: .idToken)
        var extra = encoder.container(keyedBy: DynamicCodingKey.self)
        try extra.encodeExtensionMembers(additionalProperties, excluding: Self.memberNames)
    }
}
