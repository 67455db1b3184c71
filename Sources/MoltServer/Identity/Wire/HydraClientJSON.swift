import Foundation
import MoltCore

/// Hydra's OAuth2 client document (`oAuth2Client` in its OpenAPI spec), written by the admin API and read
/// by the Hydra client.
enum HydraClientJSON {
    /// Fields kept in columns, computed, or never stored; everything else round-trips through `extra`.
    static let managedKeys: Set<String> = [
        "client_id", "client_secret", "client_name", "scope", "grant_types", "token_endpoint_auth_method",
        "metadata", "created_at", "updated_at", "registration_access_token", "registration_client_uri",
        "client_secret_expires_at",
    ]

    /// Defaults Hydra fills in, shown when a client did not set them.
    static let defaults: [String: JSONValue] = [
        "audience": .array([]), "redirect_uris": .array([]), "response_types": .array([]),
        "allowed_cors_origins": .array([]), "contacts": .array([]), "post_logout_redirect_uris": .array([]),
        "request_uris": .array([]), "owner": .string(""), "subject_type": .string("public"),
        "skip_consent": .bool(false), "skip_logout_consent": .bool(false), "client_secret_expires_at": .integer(0),
        "access_token_strategy": .string("jwt"),
    ]

    /// What a create/replace document asks for.
    struct Request: Sendable {
        var id: String?
        var secret: String?
        var fields: OAuth2ClientFields
    }

    /// Reads a client document sent to the admin API.
    /// - Throws: `.invalid` when a known field has the wrong type.
    static func request(_ document: JSONValue, defaultAuthMethod: String = "client_secret_basic")
        throws(IdentityError) -> Request
    {
        guard let members = document.objectValue else {
            throw IdentityError(.invalid, "the request body must be a JSON object")
        }
        func string(_ key: String) throws(IdentityError) -> String? {
            guard let value = members[key], !value.isNull else { return nil }
            guard let text = value.stringValue else { throw IdentityError(.invalid, "\(key) must be a string") }
            return text
        }
        var grantTypes: [String] = []
        if let value = members["grant_types"], !value.isNull {
            guard let list = value.stringArray else {
                throw IdentityError(.invalid, "grant_types must be an array of strings")
            }
            grantTypes = list
        }
        let extra = members.filter { !managedKeys.contains($0.key) }
        let id = try string("client_id").flatMap { $0.isEmpty ? nil : $0 }
        let secret = try string("client_secret").flatMap { $0.isEmpty ? nil : $0 }
        let fields = OAuth2ClientFields(
            name: try string("client_name") ?? "", scope: try string("scope") ?? "", grantTypes: grantTypes,
            tokenEndpointAuthMethod: try string("token_endpoint_auth_method") ?? defaultAuthMethod,
            metadata: members["metadata"].flatMap { $0.isNull ? nil : $0 }, extra: extra)
        return Request(id: id, secret: secret, fields: fields)
    }

    /// The client document; `secret` is included only when given (create, or a replace that set one).
    static func document(_ record: OAuth2ClientRecord, secret: String?) -> JSONValue {
        var members = defaults.merging(record.fields.extra) { _, given in given }
        members["client_id"] = .string(record.id)
        members["client_name"] = .string(record.fields.name)
        members["scope"] = .string(record.fields.scope)
        members["grant_types"] = .strings(record.fields.grantTypes)
        members["token_endpoint_auth_method"] = .string(record.fields.tokenEndpointAuthMethod)
        members["metadata"] = record.fields.metadata ?? .null
        members["created_at"] = .string(ISO8601Timestamp.string(from: record.createdAt))
        members["updated_at"] = .string(ISO8601Timestamp.string(from: record.updatedAt))
        if let secret { members["client_secret"] = .string(secret) }
        return .object(members)
    }

    /// The editable view of a client that `PATCH` applies a JSON Patch to.
    static func patchable(_ record: OAuth2ClientRecord) -> JSONValue {
        guard case .object(var members) = document(record, secret: nil) else { return .null }
        for key in ["created_at", "updated_at"] { members[key] = nil }
        return .object(members)
    }

    /// Reads a client document returned by Hydra.
    static func client(_ document: JSONValue) -> OAuth2Client? {
        guard let id = document["client_id"]?.stringValue else { return nil }
        let metadata = document["metadata"].flatMap { value -> OAuth2ClientMetadata? in
            let fields = OAuth2ClientFields(
                name: "", scope: "", grantTypes: [], tokenEndpointAuthMethod: "", metadata: value, extra: [:])
            return fields.agentMetadata
        }
        let date = { (key: String) in
            document[key]?.stringValue.flatMap(ISO8601Timestamp.date(from:)) ?? Date(timeIntervalSince1970: 0)
        }
        return OAuth2Client(
            id: id, secret: document["client_secret"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 },
            name: document["client_name"]?.stringValue ?? "", scope: document["scope"]?.stringValue ?? "",
            metadata: metadata, grantTypes: document["grant_types"]?.stringArray ?? [],
            tokenEndpointAuthMethod: document["token_endpoint_auth_method"]?.stringValue ?? "client_secret_basic",
            createdAt: date("created_at"), updatedAt: date("updated_at"))
    }
}
