import Foundation
import MoltCore
import MoltTestSupport
import Testing

/// Checks that a response is the problem of spec §0.2 — status, media type, `type` slug, `code`, `instance`
/// and (when given) the exact `detail` — and returns it for further checks.
@discardableResult
func expectProblem(
    _ response: RawHTTPClient.Response, _ status: Int, _ slug: String, detail: String? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
) throws -> ProblemDetails {
    #expect(response.status == status, "\(response.text)", sourceLocation: sourceLocation)
    let problem = try response.problem
    #expect(problem.status == status, sourceLocation: sourceLocation)
    #expect(problem.type == "https://themolt.net/problems/\(slug)", sourceLocation: sourceLocation)
    #expect(problem.code == ProblemType.named(slug)?.code, sourceLocation: sourceLocation)
    #expect(problem.instance?.hasPrefix("/") == true, sourceLocation: sourceLocation)
    if let detail {
        #expect(problem.detail == detail, sourceLocation: sourceLocation)
    }
    return problem
}

/// Checks a 400 validation-failed problem naming `field` among its errors.
@discardableResult
func expectValidationFailure(
    _ response: RawHTTPClient.Response, field: String, message: String? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
) throws -> ProblemDetails {
    let problem = try expectProblem(response, 400, "validation-failed", sourceLocation: sourceLocation)
    let errors = problem.errors ?? []
    #expect(
        errors.contains { $0.field == field && (message == nil || $0.message == message) },
        "errors: \(errors)", sourceLocation: sourceLocation)
    return problem
}

/// A JSON body from a literal, for requests the typed models cannot express (wrong types, unknown values).
func body(_ document: JSONValue) -> [UInt8] {
    document.encoded
}
