import Foundation
import MoltCore
import Testing

@Suite("Request validation")
struct RequestValidationTests {
    @Test("entry limits: content, title, tags, importance")
    func entries() {
        let long = String(repeating: "é", count: 100_001)
        let request = CreateEntryRequest(
            content: long, title: String(repeating: "t", count: 256),
            tags: Array(repeating: "x", count: 20) + [String(repeating: "y", count: 51)], importance: 11)
        #expect(
            request.validate() == [
                FieldError(field: "/content", message: "must NOT have more than 100000 characters"),
                FieldError(field: "/title", message: "must NOT have more than 255 characters"),
                FieldError(field: "/tags", message: "must NOT have more than 20 items"),
                FieldError(field: "/tags/20", message: "must NOT have more than 50 characters"),
                FieldError(field: "/importance", message: "must be <= 10"),
            ])
        #expect(
            CreateEntryRequest(content: "", tags: [""]).validate()
                == [FieldError(field: "/content", message: "must NOT have fewer than 1 characters")])
        #expect(
            UpdateEntryRequest(importance: 0).validate() == [FieldError(field: "/importance", message: "must be >= 1")])
        #expect(UpdateEntryRequest().isEmpty)
    }

    @Test("lengths count Unicode scalars as AJV does")
    func unicodeLengths() {
        #expect(CreateDiaryRequest(name: String(repeating: "🦀", count: 255)).validate().isEmpty)
        #expect(!CreateDiaryRequest(name: String(repeating: "🦀", count: 256)).validate().isEmpty)
    }

    @Test("patterns of registration, sharing and recovery")
    func patterns() {
        #expect(
            RegisterRequest(publicKey: "ed25519:short", voucherCode: "ABC").validate()
                == [FieldError(field: "/voucher_code", message: "must match pattern \"^[a-f0-9]{64}$\"")])
        #expect(ShareDiaryRequest(fingerprint: "21fe-31df-a154-a261").validate().isEmpty)
        #expect(
            ShareDiaryRequest(fingerprint: "21FE31DFA154A261", role: .writer).validate().map(\.field) == [
                "/fingerprint"
            ])
        let key = "ed25519:11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="
        #expect(RecoveryChallengeRequest(publicKey: key).validate().isEmpty)
        #expect(RecoveryChallengeRequest(publicKey: "rsa:abc").validate().map(\.field) == ["/publicKey"])
        let verify = RecoveryVerifyRequest(
            challenge: "", hmac: String(repeating: "a", count: 64), signature: "s", publicKey: key)
        #expect(
            verify.validate() == [FieldError(field: "/challenge", message: "must NOT have fewer than 1 characters")])
        #expect(SignatureBody(signature: String(repeating: "A", count: 89)).validate().map(\.field) == ["/signature"])
        #expect(NewSigningRequest(message: "").validate().map(\.field) == ["/message"])
    }

    @Test("search limits")
    func search() {
        let request = SearchDiaryRequest(query: "", tags: [], limit: 101, offset: -1, wRelevance: 1.5, entryTypes: [])
        #expect(
            request.validate().map(\.field) == ["/query", "/tags", "/limit", "/offset", "/wRelevance", "/entryTypes"])
        #expect(SearchDiaryRequest(query: "rrf", limit: 10, wRecency: 0.5).validate().isEmpty)
    }

    @Test(
        "decoding errors become AJV-style field errors",
        arguments: [
            (#"{}"#, "name", "must have required property 'name'"),
            (#"{"name":5}"#, "/name", "must be string"),
            (#"{"name":null}"#, "/name", "must be string"),
            (#"[]"#, "", "must be object"),
        ])
    func decodingErrors(body: String, field: String, message: String) {
        let failure = #expect(throws: ValidationFailure.self) {
            _ = try ValidationFailure.decodeBody(CreateDiaryRequest.self, from: Data(body.utf8))
        }
        #expect(failure?.errors == [FieldError(field: field, message: message)])
    }

    @Test("nested and typed decoding errors carry their path")
    func nestedErrors() {
        let tags = #expect(throws: ValidationFailure.self) {
            _ = try ValidationFailure.decodeBody(
                CreateEntryRequest.self, from: Data(#"{"content":"x","tags":["a",3]}"#.utf8))
        }
        #expect(tags?.errors == [FieldError(field: "/tags/1", message: "must be string")])
        let importance = #expect(throws: ValidationFailure.self) {
            _ = try ValidationFailure.decodeBody(
                CreateEntryRequest.self, from: Data(#"{"content":"x","importance":"high"}"#.utf8))
        }
        #expect(importance?.errors == [FieldError(field: "/importance", message: "must be integer")])
        let notJSON = #expect(throws: ValidationFailure.self) {
            _ = try ValidationFailure.decodeBody(CreateEntryRequest.self, from: Data("{".utf8))
        }
        #expect(notJSON?.errors == [] && notJSON?.detail == "Body is not valid JSON")
        let limits = #expect(throws: ValidationFailure.self) {
            _ = try ValidationFailure.decodeBody(CreateEntryRequest.self, from: Data(#"{"content":""}"#.utf8))
        }
        #expect(limits?.errors.map(\.field) == ["/content"])
    }

    @Test("query parameters coerce numbers and check limits")
    func queries() throws {
        let list = try ListEntriesQuery(
            queryItems: FormURLEncoding.decode("limit=5&offset=0&tags=a,%20b&entryType=soul"))
        #expect(list == ListEntriesQuery(limit: 5, offset: 0, tags: ["a", "b"], entryType: .soul))
        let bad = #expect(throws: ValidationFailure.self) {
            _ = try ListEntriesQuery(queryItems: FormURLEncoding.decode("limit=500&offset=x&tags=,&entryType=dream"))
        }
        #expect(
            bad?.errors == [
                FieldError(field: "/limit", message: "must be <= 100"),
                FieldError(field: "/offset", message: "must be number"),
                FieldError(field: "/tags", message: "must match pattern \"^[^,]{1,50}(,[^,]{1,50}){0,19}$\""),
                FieldError(field: "/entryType", message: "must be equal to one of the allowed values"),
            ])
        let fraction = #expect(throws: ValidationFailure.self) {
            _ = try TrustGraphQuery(queryItems: [QueryItem("limit", "2.5")])
        }
        #expect(fraction?.errors == [FieldError(field: "/limit", message: "must be integer")])
        let reflect = #expect(throws: ValidationFailure.self) {
            _ = try ReflectQuery(queryItems: [QueryItem("days", "3")])
        }
        #expect(reflect?.errors == [FieldError(field: "diaryId", message: "must have required property 'diaryId'")])
        let search = try PublicSearchQuery(queryItems: [QueryItem("q", "hi"), QueryItem("limit", "50")])
        #expect(search.queryItems == [QueryItem("q", "hi"), QueryItem("limit", "50")])
        #expect(throws: ValidationFailure.self) { _ = try PublicSearchQuery(queryItems: [QueryItem("q", "h")]) }
        let statuses = try SigningRequestListQuery(queryItems: [QueryItem("status", "pending,expired")])
        #expect(statuses.status == [.pending, .expired])
    }

    @Test("path parameters are checked against their formats")
    func pathParameters() throws {
        let endpoint = Endpoints.revokeDiaryShare.erased
        #expect(
            endpoint.validate(["diaryId": "nope", "fingerprint": "XYZ"]) == [
                FieldError(field: "/diaryId", message: "must match format \"uuid\""),
                FieldError(
                    field: "/fingerprint", message: "must match pattern \"\(ContractPattern.fingerprint.pattern)\""),
            ])
        let parameters: PathParameters = [
            "diaryId": "F47AC10B-58CC-4372-A567-0E02B2C3D479", "fingerprint": "21fe-31df-a154-a261",
        ]
        #expect(endpoint.validate(parameters).isEmpty)
        #expect(try parameters.fingerprint().value == "21FE-31DF-A154-A261")
        #expect(try parameters.uuid("diaryId", as: DiaryID.self).description == "f47ac10b-58cc-4372-a567-0e02b2c3d479")
        #expect(Endpoints.getProblemType.erased.validate(["type": "conflict"]).isEmpty)
        #expect(Endpoints.getProblemType.erased.validate(["type": "teapot"]).map(\.field) == ["/type"])
    }
}
