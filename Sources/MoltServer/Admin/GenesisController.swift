import MoltCore
import Foundation

/// `POST /admin/moltnet/genesis`: bootstraps one genesis agent (spec §4.3) on the admin listener.
///
/// Body `{"name","public_key","scopes"?}` (`scopes` a list or a space-separated string). Answers 201 with
/// `{identity_id, fingerprint, public_key, client_id, client_name, client_secret, scope, created:true}` the
/// first time, and 200 with the same fields and `client_secret: null` for a repeat with the same key.
/// Errors use herodot's `genericError`.
struct GenesisController: Sendable {
    let genesis: GenesisBootstrap

    func register(in router: inout Router) {
        router.add(.post, "/admin/moltnet/genesis", KratosAdminController.handler(bootstrap))
    }

    /// - Remark: POST /admin/moltnet/genesis (MoltNet extension)
    func bootstrap(_ request: HTTPRequest, _ context: RequestContext) async throws(IdentityError) -> HTTPResponse {
        let body = try request.jsonBody()
        guard let name = body["name"]?.stringValue, let publicKey = body["public_key"]?.stringValue else {
            throw IdentityError(.invalid, "name and public_key are required strings")
        }
        var scopes: [String]?
        switch body["scopes"] {
        case nil, .null?: scopes = nil
        case .string(let text)?: scopes = text.split(separator: " ").map(String.init)
        case let value?:
            guard let list = value.stringArray else {
                throw IdentityError(.invalid, "scopes must be a list of strings or a space-separated string")
            }
            scopes = list
        }
        let agent = try await genesis.bootstrap(name: name, publicKey: publicKey, scopes: scopes)
        let document: JSONValue = .object([
            "identity_id": .string(agent.identityID.uuidString.lowercased()),
            "fingerprint": .string(agent.fingerprint), "public_key": .string(agent.publicKey),
            "client_id": .string(agent.clientID), "client_name": .string(agent.clientName),
            "client_secret": .optional(agent.clientSecret), "scope": .string(agent.scope),
            "created": .bool(agent.created),
        ])
        return .json(document.encoded, status: agent.created ? 201 : 200)
    }
}
