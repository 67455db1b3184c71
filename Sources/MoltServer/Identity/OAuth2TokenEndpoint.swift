import Foundation
import MoltCore

/// `POST /oauth2/token`: the client_credentials grant in OAuth2's own wire shape (not problem+json), as
/// the reference proxies it to Hydra (spec §1.2).
///
/// Accepts a form or JSON body; client credentials in the body (`client_secret_post`) or in HTTP Basic
/// (`client_secret_basic`), whichever the client was registered with. Answers 200
/// `{access_token, token_type:"bearer", expires_in, scope}` with `Cache-Control: no-store`, or
/// `{error, error_description}`: 400 `invalid_request`/`unsupported_grant_type`/`invalid_scope`,
/// 401 `invalid_client`. A backing service failure is 502 upstream-error (problem+json), as in the reference.
public struct OAuth2TokenEndpoint: Sendable {
    public let oauth2: any OAuth2Provider

    public init(oauth2: any OAuth2Provider) {
        self.oauth2 = oauth2
    }

    /// Answers one token request.
    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        let fields = Self.fields(request)
        guard let grantType = fields["grant_type"], !grantType.isEmpty else {
            return Self.error(
                400, "invalid_request",
                "The request is missing a required parameter, includes an invalid parameter value, includes a "
                    + "parameter more than once, or is otherwise malformed. Make sure that the grant_type is set.")
        }
        guard grantType == "client_credentials" else {
            return Self.error(
                400, "unsupported_grant_type",
                "The authorization grant type is not supported by the authorization server. Only "
                    + "client_credentials is supported.")
        }
        guard let (clientID, clientSecret) = Self.credentials(request, fields) else {
            return Self.error(
                401, "invalid_client",
                "Client authentication failed (e.g., unknown client, no client authentication included, or "
                    + "unsupported authentication method).")
        }
        do {
            let token = try await oauth2.issueToken(
                clientID: clientID, clientSecret: clientSecret, scope: fields["scope"])
            let body: JSONValue = .object([
                "access_token": .string(token.token), "token_type": .string("bearer"),
                "expires_in": .integer(Int64(token.expiresIn)), "scope": .string(token.scope),
            ])
            return .json(body.encoded, headers: ["Cache-Control": "no-store", "Pragma": "no-cache"])
        } catch {
            switch error.code {
            case .invalid: return Self.error(400, "invalid_scope", error.message)
            case .unauthorized, .notFound: return Self.error(401, "invalid_client", error.message)
            case .conflict, .unavailable: return Self.upstreamError(request)
            }
        }
    }

    /// The body's fields: JSON when the content type says so (or the body starts with `{`), else a form.
    static func fields(_ request: HTTPRequest) -> [String: String] {
        let contentType = request.headers["Content-Type"]?.lowercased() ?? ""
        let looksLikeJSON = contentType.contains("json") || request.body.first == UInt8(ascii: "{")
        guard looksLikeJSON, let members = JSONValue.parse(request.body)?.objectValue else {
            return request.formFields
        }
        var fields: [String: String] = [:]
        for (key, value) in members {
            switch value {
            case .string(let text): fields[key] = text
            case .number: fields[key] = value.integerValue.map(String.init) ?? value.text
            case .array(let items): fields[key] = items.compactMap(\.stringValue).joined(separator: " ")
            default: break
            }
        }
        return fields
    }

    /// Client id and secret from HTTP Basic (RFC 6749 §2.3.1: each form-urlencoded) or the body.
    static func credentials(_ request: HTTPRequest, _ fields: [String: String]) -> (String, String)? {
        if let header = request.headers["Authorization"], header.lowercased().hasPrefix("basic ") {
            guard let decoded = Base64.decode(String(header.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
                let text = String(bytes: decoded, encoding: .utf8), let colon = text.firstIndex(of: ":")
            else { return nil }
            let decode = { (part: Substring) in
                part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part)
            }
            let id = decode(text[..<colon])
            let secret = decode(text[text.index(after: colon)...])
            return id.isEmpty ? nil : (id, secret)
        }
        guard let id = fields["client_id"], !id.isEmpty, let secret = fields["client_secret"] else { return nil }
        return (id, secret)
    }

    static func error(_ status: Int, _ code: String, _ description: String) -> HTTPResponse {
        .json(
            JSONValue.object(["error": .string(code), "error_description": .string(description)]).encoded,
            status: status, headers: ["Cache-Control": "no-store", "Pragma": "no-cache"])
    }

    static func upstreamError(_ request: HTTPRequest) -> HTTPResponse {
        let body: JSONValue = .object([
            "type": .string("https://themolt.net/problems/upstream-error"), "title": .string("Upstream Error"),
            "status": .integer(502), "code": .string("UPSTREAM_ERROR"),
            "detail": .string("An unexpected error occurred"), "instance": .string(request.target),
        ])
        return HTTPResponse(status: 502, contentType: "application/problem+json", bytes: body.encoded)
    }
}
