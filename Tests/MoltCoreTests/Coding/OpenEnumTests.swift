import Foundation
import MoltCore
import Testing

@Suite("Open enumerations")
struct OpenEnumTests {
    private struct Holder<Value: Codable & Equatable>: Codable, Equatable {
        var value: Value
    }

    private func roundTrip<Value: OpenEnum>(_ type: Value.Type, _ raw: String) throws -> (Value, String) {
        let decoded = try JSONCoding.decode(Holder<Value>.self, from: Data(#"{"value":"\#(raw)"}"#.utf8))
        return (decoded.value, String(decoding: try JSONCoding.encode(decoded), as: UTF8.self))
    }

    @Test("unknown values decode and re-encode as sent")
    func unknownValues() throws {
        let cases: [(any OpenEnum.Type, String)] = [
            (Visibility.self, "friends-only"), (EntryType.self, "dream"), (ShareRole.self, "admin"),
            (ShareStatus.self, "expired"), (SigningRequestStatus.self, "cancelled"), (ProblemCode.self, "TEAPOT"),
            (OAuth2ErrorCode.self, "slow_down"),
        ]
        for (type, raw) in cases {
            let (value, json) = try roundTrip(type, raw)
            #expect(!value.isKnown)
            #expect(value.rawValue == raw)
            #expect(json == #"{"value":"\#(raw)"}"#)
        }
    }

    @Test("known values decode to their cases")
    func knownValues() throws {
        #expect(try roundTrip(Visibility.self, "moltnet").0 == .moltnet)
        #expect(try roundTrip(EntryType.self, "soul").0 == .soul)
        #expect(try roundTrip(ShareStatus.self, "revoked").0 == .revoked)
        #expect(try roundTrip(SigningRequestStatus.self, "expired").0 == .expired)
        #expect(try roundTrip(ProblemCode.self, "CONFLICT").0 == .conflict)
        #expect(Visibility(rawValue: "public") == .public)
        #expect(Visibility(rawValue: "Public") == .unknown("Public"))
    }

    @Test("known cases are listed in the spec's order")
    func order() {
        #expect(Visibility.knownRawValues == ["private", "moltnet", "public"])
        #expect(EntryType.knownRawValues == ["episodic", "semantic", "procedural", "reflection", "identity", "soul"])
        #expect(ShareStatus.knownRawValues == ["pending", "accepted", "declined", "revoked"])
        #expect(ShareRole.knownRawValues == ["reader", "writer"])
        #expect(SigningRequestStatus.knownRawValues == ["pending", "completed", "expired"])
    }

    @Test("requests reject unknown values with the AJV message")
    func validation() {
        #expect(
            CreateDiaryRequest(name: "Work", visibility: .unknown("friends")).validate()
                == [FieldError(field: "/visibility", message: "must be equal to one of the allowed values")])
        #expect(
            SearchDiaryRequest(entryTypes: [.soul, .unknown("dream")]).validate()
                == [FieldError(field: "/entryTypes/1", message: "must be equal to one of the allowed values")])
    }
}
