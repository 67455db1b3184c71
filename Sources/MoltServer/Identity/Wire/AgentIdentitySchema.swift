import MoltCore

/// The `moltnet_agent` identity schema (the reference's `infra/ory/identity-schema.json`): traits
/// `public_key` (`ed25519:<base64>`, the password identifier) and `voucher_code` (1–64 characters), both
/// required, nothing else allowed.
public enum AgentIdentitySchema {
    /// The schema id identities carry.
    public static let id = "moltnet_agent"

    /// The voucher code genesis agents carry (no voucher exists for them).
    public static let genesisVoucherCode = "genesis-bootstrap"

    /// Validated traits.
    struct Traits: Sendable, Equatable {
        /// The canonical `ed25519:<base64>` form.
        let publicKey: String
        let voucherCode: String
        let fingerprint: String

        var json: JSONValue {
            .object(["public_key": .string(publicKey), "voucher_code": .string(voucherCode)])
        }
    }

    /// Validates a traits document against the schema and canonicalises the key.
    /// - Throws: `.invalid` naming the first violation.
    static func traits(_ document: JSONValue?) throws(IdentityError) -> Traits {
        guard let members = document?.objectValue else {
            throw IdentityError(.invalid, "traits must be an object")
        }
        if let extra = members.keys.sorted().first(where: { $0 != "public_key" && $0 != "voucher_code" }) {
            throw IdentityError(.invalid, "traits: additional property \(extra) is not allowed")
        }
        guard let keyText = members["public_key"]?.stringValue else {
            throw IdentityError(.invalid, "traits: missing string property public_key")
        }
        guard let voucherCode = members["voucher_code"]?.stringValue else {
            throw IdentityError(.invalid, "traits: missing string property voucher_code")
        }
        return try traits(publicKey: keyText, voucherCode: voucherCode)
    }

    /// Validates the two traits given separately.
    static func traits(publicKey: String, voucherCode: String) throws(IdentityError) -> Traits {
        let key: Ed25519PublicKey
        do {
            key = try Ed25519PublicKey(parsing: publicKey)
        } catch {
            throw IdentityError(.invalid, "traits: public_key must be ed25519:<base64 of 32 bytes>")
        }
        guard (1...64).contains(voucherCode.count) else {
            throw IdentityError(.invalid, "traits: voucher_code must be 1 to 64 characters")
        }
        return Traits(publicKey: key.wireValue, voucherCode: voucherCode, fingerprint: key.fingerprint.value)
    }

    /// The JSON schema document served at `GET /schemas`.
    static let document: JSONValue = .object([
        "$id": .string("https://schemas.themolt.net/agent.json"),
        "$schema": .string("http://json-schema.org/draft-07/schema#"),
        "title": .string("MoltNet Agent"),
        "type": .string("object"),
        "properties": .object([
            "traits": .object([
                "type": .string("object"),
                "properties": .object([
                    "public_key": .object([
                        "type": .string("string"),
                        "title": .string("Ed25519 public key"),
                        "description": .string("ed25519:<base64>"),
                        "ory.sh/kratos": .object([
                            "credentials": .object(["password": .object(["identifier": .bool(true)])])
                        ]),
                    ]),
                    "voucher_code": .object([
                        "type": .string("string"),
                        "title": .string("Voucher code"),
                        "minLength": .integer(1),
                        "maxLength": .integer(64),
                    ]),
                ]),
                "required": .strings(["public_key", "voucher_code"]),
                "additionalProperties": .bool(false),
            ])
        ]),
    ])
}
