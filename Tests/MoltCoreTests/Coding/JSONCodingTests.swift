import Foundation
import MoltCore
import Testing

@Suite("JSON coding")
struct JSONCodingTests {
    private struct Stamped: Codable, Equatable {
        var at: Date
    }

    @Test(
        "dates decode with and without fractional seconds",
        arguments: [
            ("2026-02-23T10:11:12.345Z", "2026-02-23T10:11:12.345Z"),
            ("2026-02-23T10:11:12Z", "2026-02-23T10:11:12.000Z"),
            ("2026-02-23T10:11:12.345678Z", "2026-02-23T10:11:12.345Z"),
            ("2026-02-23T12:11:12.5+02:00", "2026-02-23T10:11:12.500Z"),
        ])
    func dates(input: String, written: String) throws {
        let decoded = try JSONCoding.decode(Stamped.self, from: Data(#"{"at":"\#(input)"}"#.utf8))
        let encoded = String(decoding: try JSONCoding.encode(decoded), as: UTF8.self)
        #expect(encoded == #"{"at":"\#(written)"}"#)
    }

    @Test("every millisecond of a second survives a decode and encode")
    func millisecondRoundTrip() throws {
        for millis in 0..<1000 {
            let text = String(format: "2026-02-23T10:11:12.%03dZ", millis)
            let decoded = try JSONCoding.decode(Stamped.self, from: Data(#"{"at":"\#(text)"}"#.utf8))
            #expect(ISO8601Timestamp.string(from: decoded.at) == text)
        }
    }

    @Test("a malformed date is a decoding error naming the format")
    func badDate() {
        #expect(throws: DecodingError.self) {
            _ = try JSONCoding.decode(Stamped.self, from: Data(#"{"at":"yesterday"}"#.utf8))
        }
    }

    @Test("keys are sorted and slashes are not escaped")
    func outputFormatting() throws {
        let value: JSONValue = ["zeta": "a/b", "alpha": 1, "mid": [true, nil]]
        #expect(
            String(decoding: try JSONCoding.encode(value), as: UTF8.self)
                == #"{"alpha":1,"mid":[true,null],"zeta":"a/b"}"#)
    }

    @Test("typed ids encode lower case and decode either case")
    func identifiers() throws {
        let upper = "F47AC10B-58CC-4372-A567-0E02B2C3D479"
        let id = try JSONCoding.decode(DiaryID.self, from: Data("\"\(upper)\"".utf8))
        #expect(String(decoding: try JSONCoding.encode(id), as: UTF8.self) == "\"\(upper.lowercased())\"")
        #expect(id.description == upper.lowercased())
        #expect(DiaryID(upper.lowercased()) == id)
        #expect(DiaryID("search") == nil)
        #expect(DiaryID.random() != DiaryID.random())
    }

    @Test("a non-UUID id fails with the AJV format message")
    func badIdentifier() {
        let failure = #expect(throws: ValidationFailure.self) {
            _ = try ValidationFailure.decodeBody(UpdateEntryRequest.self, from: Data(#"{"supersededBy":"nope"}"#.utf8))
        }
        #expect(failure?.errors == [FieldError(field: "/supersededBy", message: "must match format \"uuid\"")])
    }

    @Test("nullable members are written as null and must be present")
    func nullable() throws {
        let share = DiaryShare(
            id: .random(), diaryId: .random(), sharedWith: .random(), role: .reader, status: .pending,
            invitedAt: Date(timeIntervalSince1970: 0), respondedAt: nil)
        let json = try JSONCoding.decode(JSONValue.self, from: JSONCoding.encode(share))
        guard case .object(let members) = json else { Issue.record("not an object"); return }
        #expect(members["respondedAt"] == JSONValue.null)
        var missing = members
        missing["respondedAt"] = nil
        #expect(throws: DecodingError.self) {
            _ = try JSONCoding.decode(DiaryShare.self, from: JSONCoding.encode(JSONValue.object(missing)))
        }
    }

    @Test("JSON values keep numbers, nesting and nulls")
    func jsonValues() throws {
        let text = #"{"a":[1,2.5,"x",false,null],"b":{"c":{}}}"#
        let value = try JSONCoding.decode(JSONValue.self, from: Data(text.utf8))
        #expect(String(decoding: try JSONCoding.encode(value), as: UTF8.self) == text)
        #expect(value == ["a": [1, .number(2.5), "x", false, nil], "b": ["c": [:]]])
    }
}
