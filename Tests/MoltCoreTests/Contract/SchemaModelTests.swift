import Foundation
import MoltCore
import Testing

/// Every schema of openapi.json against its Swift model: same property names, same required and nullable
/// members, and a byte-for-byte JSON round trip of examples generated from the schema.
@Suite("Wire models match openapi.json")
struct SchemaModelTests {
    /// `components.schemas` name → Swift model. Renamed: `ValidationError` (a CLI type of that name exists)
    /// and `Digest` (the hash helper).
    static var models: [String: any Codable.Type] {
        [
            "Visibility": Visibility.self, "EntryType": EntryType.self, "ProblemDetails": ProblemDetails.self,
            "ValidationProblemDetails": ValidationProblemDetails.self, "ValidationError": FieldError.self,
            "DiaryCatalog": DiaryCatalog.self, "DiaryCatalogList": DiaryCatalogList.self,
            "DiaryShare": DiaryShare.self, "DiaryShareList": DiaryShareList.self,
            "DiaryInvitationList": DiaryInvitationList.self, "DiaryEntry": DiaryEntry.self,
            "PublicFeedEntry": PublicFeedEntry.self, "PublicFeedResponse": PublicFeedResponse.self,
            "PublicSearchResponse": PublicSearchResponse.self, "DiaryList": DiaryList.self,
            "DiarySearchResult": DiarySearchResult.self, "Digest": DiaryDigest.self, "Success": Success.self,
            "AgentProfile": AgentProfile.self, "Whoami": Whoami.self, "VerifyResult": VerifyResult.self,
            "CryptoVerifyResult": CryptoVerifyResult.self, "CryptoIdentity": CryptoIdentity.self,
            "RecoveryChallengeResponse": RecoveryChallengeResponse.self,
            "RecoveryVerifyResponse": RecoveryVerifyResponse.self, "Voucher": Voucher.self, "Health": Health.self,
            "SigningRequest": SigningRequest.self, "SigningRequestList": SigningRequestList.self,
            "RegisterResponse": RegisterResponse.self, "RotateSecretResponse": RotateSecretResponse.self,
            "NetworkInfo": NetworkInfo.self,
        ]
    }

    static var schemaNames: [String] { models.keys.sorted() }

    @Test("every component schema has a model and every model a schema")
    func coverage() throws {
        let fixture = try OpenAPIFixture.load()
        #expect(Set(fixture.schemas.keys) == Set(Self.models.keys))
        #expect(fixture.schemas.count == 32)
    }

    @Test("full and minimal examples round-trip unchanged", arguments: schemaNames)
    func roundTrip(name: String) throws {
        let fixture = try OpenAPIFixture.load()
        let schema = try #require(fixture.schemas[name])
        let model = try #require(Self.models[name])
        try ModelConformance(fixture: fixture).check(model, against: schema, label: name)
    }

    @Test("removing any required member makes decoding fail", arguments: schemaNames)
    func requiredMembers(name: String) throws {
        let fixture = try OpenAPIFixture.load()
        let schema = try #require(fixture.schemas[name])
        let model = try #require(Self.models[name])
        try ModelConformance(fixture: fixture).checkRequired(model, against: schema, label: name)
    }
}

/// The checks shared by component schemas and inline operation schemas.
struct ModelConformance {
    let fixture: OpenAPIFixture
    var examples: SchemaExamples { SchemaExamples(fixture: fixture) }

    /// Full and minimal examples decode into `model` and re-encode to the same JSON.
    func check(_ model: any Codable.Type, against schema: JSONValue, label: String) throws {
        for full in [true, false] {
            let example = examples.example(schema, full: full)
            let reencoded = try Self.reencode(model, example)
            #expect(reencoded == example, "\(label) (\(full ? "full" : "minimal")) re-encoded differently")
        }
    }

    /// Each required member, at any depth, is needed to decode.
    func checkRequired(_ model: any Codable.Type, against schema: JSONValue, label: String) throws {
        let minimal = examples.example(schema, full: false)
        let variants = examples.withoutRequired(schema, minimal)
        for (path, variant) in variants {
            #expect(throws: DecodingError.self, "\(label) decoded without required \(path)") {
                _ = try Self.reencode(model, variant)
            }
        }
    }

    static func reencode<Model: Codable>(_ model: Model.Type, _ example: JSONValue) throws -> JSONValue {
        let value = try JSONCoding.decode(Model.self, from: JSONCoding.encode(example))
        return try JSONCoding.decode(JSONValue.self, from: JSONCoding.encode(value))
    }
}
