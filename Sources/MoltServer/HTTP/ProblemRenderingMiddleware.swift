import Foundation
public import MoltCore
import MoltPostgres

/// Turns every error thrown below it into an `application/problem+json` response (RFC 9457).
///
/// `ProblemDetails` render as given (with `instance` set to the request target); `ValidationFailure` becomes
/// validation-failed 400 with field errors; identity-service errors map to their statuses; anything else is a
/// 500 whose detail is generic and whose real error is logged with the request id, never sent.
public struct ProblemRenderingMiddleware: HTTPMiddleware {
    public init() {}

    public func handle(_ request: HTTPRequest, context: RequestContext, next: Responder) async throws -> HTTPResponse {
        do {
            return try await next(request, context)
        } catch {
            return Self.response(for: error, request: request, context: context)
        }
    }

    /// The problem response for any error.
    public static func response(for error: any Error, request: HTTPRequest, context: RequestContext) -> HTTPResponse {
        var problem = problem(for: error, context: context)
        problem.instance = request.target
        return render(problem, headers: (error as? any ProblemConvertible)?.headers ?? [:])
    }

    /// Encodes a problem with its media type (and `WWW-Authenticate` on 401).
    public static func render(_ problem: ProblemDetails, headers: HTTPHeaders = [:]) -> HTTPResponse {
        var headers = headers
        if problem.status == 401 { headers["WWW-Authenticate"] = "Bearer" }
        let body = (try? JSONCoding.encode(problem)).map(Array.init) ?? Array("{}".utf8)
        return HTTPResponse(
            status: problem.status, contentType: ProblemDetails.mediaType, bytes: body, headers: headers)
    }

    static func problem(for error: any Error, context: RequestContext) -> ProblemDetails {
        switch error {
        case let problem as ProblemDetails:
            if problem.status >= 500 {
                context.logger.error("Request failed.", ["problem.type": problem.type])
            }
            return problem
        case let convertible as any ProblemConvertible:
            return convertible.problem
        case let failure as ValidationFailure:
            return ProblemDetails(.validationFailed, detail: failure.detail, errors: failure.errors)
        case let failure as IdentityError:
            return problem(for: failure, context: context)
        case let failure as PostgresError where failure.isUnstorableCharacter:
            return ProblemDetails(.validationFailed, detail: "Text must not contain NUL characters (\\u0000)")
        default:
            context.logger.error("Request failed.", ["error": String(describing: error)])
            return ProblemDetails(.internalServerError)
        }
    }

    private static func problem(for failure: IdentityError, context: RequestContext) -> ProblemDetails {
        switch failure.code {
        case .notFound: return ProblemDetails(.notFound, detail: failure.message)
        case .conflict: return ProblemDetails(.conflict, detail: failure.message)
        case .invalid: return ProblemDetails(.validationFailed, detail: failure.message)
        case .unauthorized: return ProblemDetails(.unauthorized, detail: failure.message)
        case .unavailable:
            context.logger.error("Identity service unavailable.", ["error": failure.message])
            return ProblemDetails(.upstreamError, detail: failure.message)
        }
    }
}

/// An error that knows the problem it is on the wire, and any headers that go with it.
public protocol ProblemConvertible: Error {
    var problem: ProblemDetails { get }
    var headers: HTTPHeaders { get }
}

extension ProblemConvertible {
    public var headers: HTTPHeaders { [:] }
}
