import Foundation
import MoltCore
import Testing

@Suite("Problem registry and problem details")
struct ProblemRegistryTests {
    @Test("the fifteen types in the spec's order with their statuses and codes")
    func registryOrder() {
        let expected: [(String, Int, String, String)] = [
            ("unauthorized", 401, "UNAUTHORIZED", "Unauthorized"), ("forbidden", 403, "FORBIDDEN", "Forbidden"),
            ("not-found", 404, "NOT_FOUND", "Not Found"),
            ("validation-failed", 400, "VALIDATION_FAILED", "Validation Failed"),
            ("invalid-challenge", 400, "INVALID_CHALLENGE", "Invalid Challenge"),
            ("invalid-signature", 400, "INVALID_SIGNATURE", "Invalid Signature"),
            ("voucher-limit", 429, "VOUCHER_LIMIT", "Voucher Limit Reached"),
            ("serialization-exhausted", 429, "SERIALIZATION_EXHAUSTED", "Serialization Retry Exhausted"),
            ("rate-limit-exceeded", 429, "RATE_LIMIT_EXCEEDED", "Rate Limit Exceeded"),
            ("signing-request-expired", 409, "SIGNING_REQUEST_EXPIRED", "Signing Request Expired"),
            (
                "signing-request-already-completed", 409, "SIGNING_REQUEST_ALREADY_COMPLETED",
                "Signing Request Already Completed"
            ),
            ("conflict", 409, "CONFLICT", "Conflict"),
            ("registration-failed", 403, "REGISTRATION_FAILED", "Registration Failed"),
            ("upstream-error", 502, "UPSTREAM_ERROR", "Upstream Error"),
            ("internal-server-error", 500, "INTERNAL_SERVER_ERROR", "Internal Server Error"),
        ]
        #expect(ProblemType.all.count == 15)
        for (type, row) in zip(ProblemType.all, expected) {
            #expect(type.slug == row.0)
            #expect(type.status == row.1)
            #expect(type.code.rawValue == row.2)
            #expect(type.title == row.3)
            #expect(!type.description.isEmpty && !type.commonCauses.isEmpty)
        }
        #expect(ProblemCode.knownCases == ProblemType.all.map(\.code))
    }

    @Test("a status without a code maps to the first type with that status")
    func statusFallback() {
        #expect(ProblemType.matching(status: 400) == .validationFailed)
        #expect(ProblemType.matching(status: 429) == .voucherLimit)
        #expect(ProblemType.matching(status: 409) == .signingRequestExpired)
        #expect(ProblemType.matching(status: 418) == .internalServerError)
        #expect(ProblemType.withCode(.conflict) == .conflict)
        #expect(ProblemType.withURI("https://themolt.net/problems/not-found") == .notFound)
        #expect(ProblemType.withURI("https://example.com/problems/not-found") == nil)
    }

    @Test("GET /problems items carry every member")
    func published() throws {
        let info = ProblemType.notFound.info
        let json = String(decoding: try JSONCoding.encode(info), as: UTF8.self)
        #expect(json.hasPrefix(#"{"code":"NOT_FOUND","commonCauses":["#))
        #expect(json.contains(#""status":404,"title":"Not Found","type":"https://themolt.net/problems/not-found"}"#))
    }

    @Test("a problem body is written in RFC 9457 shape")
    func problemBody() throws {
        let problem = ProblemDetails(.notFound, detail: "Diary not found or access denied", instance: "/diaries/x")
        let json = String(decoding: try JSONCoding.encode(problem), as: UTF8.self)
        #expect(
            json == #"{"code":"NOT_FOUND","detail":"Diary not found or access denied","instance":"/diaries/x","#
                + #""status":404,"title":"Not Found","type":"https://themolt.net/problems/not-found"}"#)
        #expect(problem.description == "Not Found: Diary not found or access denied")
        #expect(problem.problemType == .notFound)
    }

    @Test("server errors never carry their own detail")
    func serverDetail() {
        #expect(
            ProblemDetails(.internalServerError, detail: "db password wrong").detail
                == "An unexpected error occurred")
        #expect(ProblemDetails(.upstreamError, detail: "kratos down").detail == "An unexpected error occurred")
        let kept = ProblemDetails(.internalServerError, status: 418, detail: "x")
        #expect(kept.status == 418 && kept.code == .internalServerError)
    }

    @Test("rate-limit problems carry retryAfter, and unknown members survive a round trip")
    func extensionMembers() throws {
        let limited = ProblemDetails.rateLimitExceeded(retryAfter: 42, instance: "/diaries/search")
        #expect(limited.status == 429)
        #expect(limited.detail == "Too many requests. Please retry after 42 seconds.")
        let text =
            #"{"code":"RATE_LIMIT_EXCEEDED","requestId":"r-1","retryAfter":42,"status":429,"#
            + #""title":"Rate Limit Exceeded","type":"https://themolt.net/problems/rate-limit-exceeded"}"#
        let decoded = try JSONCoding.decode(ProblemDetails.self, from: Data(text.utf8))
        #expect(decoded.retryAfter == 42)
        #expect(decoded.extensions == ["requestId": "r-1"])
        #expect(String(decoding: try JSONCoding.encode(decoded), as: UTF8.self) == text)
    }

    @Test("validation failures become validation-failed problems with field errors")
    func validationProblem() throws {
        let failure = ValidationFailure(errors: [.tooLong("/name", maximum: 255)])
        let problem = failure.problem(instance: "/diaries")
        #expect(problem.code == .validationFailed && problem.status == 400)
        #expect(problem.errors == [FieldError(field: "/name", message: "must NOT have more than 255 characters")])
        #expect(problem.detail == "Validation failed: /name must NOT have more than 255 characters")
        let strict = try #require(ValidationProblemDetails(problem))
        #expect(strict.problem == problem)
        #expect(ValidationProblemDetails(ProblemDetails(.notFound)) == nil)
    }
}
