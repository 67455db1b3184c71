public import MoltCore

/// An agent's OAuth2 client credentials (`client_credentials` grant): the client id and its secret.
///
/// The secret stays wrapped in ``Secret`` so it prints as `<redacted>`; it is only read to build the token
/// request body.
public struct ClientCredentials: Sendable, CustomStringConvertible {
    public let clientID: String
    public let clientSecret: Secret<String>

    public init(clientID: String, clientSecret: Secret<String>) {
        self.clientID = clientID
        self.clientSecret = clientSecret
    }

    public var description: String { "ClientCredentials(clientID: \(clientID), clientSecret: <redacted>)" }
}
