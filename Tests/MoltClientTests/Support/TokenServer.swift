import Foundation
import MoltServer
import Synchronization

/// A scripted OAuth2 token endpoint plus one protected route, for token manager tests.
///
/// `POST /oauth2/token` issues `tok-1`, `tok-2`, … (after `tokenDelay`), recording each form body.
/// `GET /protected` answers 200 when the bearer token is accepted by `accepts`, else a 401 problem.
final class TokenServer: Sendable {
    struct State {
        var issued = 0
        var forms: [[String: String]] = []
    }

    let state = Mutex(State())
    let expiresIn: Int
    let tokenDelay: Duration
    let accepts: @Sendable (_ tokenNumber: Int) -> Bool
    let tokenStatus: Int
    let tokenBody: String?

    init(
        expiresIn: Int = 3600, tokenDelay: Duration = .zero, tokenStatus: Int = 200, tokenBody: String? = nil,
        accepts: @escaping @Sendable (Int) -> Bool = { _ in true }
    ) {
        self.expiresIn = expiresIn
        self.tokenDelay = tokenDelay
        self.tokenStatus = tokenStatus
        self.tokenBody = tokenBody
        self.accepts = accepts
    }

    var issued: Int { state.withLock { $0.issued } }
    var forms: [[String: String]] { state.withLock { $0.forms } }

    var handler: HTTPServer.Handler {
        { [self] request in await handle(request) }
    }

    private func handle(_ request: HTTPRequest) async -> HTTPResponse {
        switch request.path {
        case "/oauth2/token":
            let form = Self.parseForm(String(decoding: request.body, as: UTF8.self))
            let number = state.withLock { state in
                state.forms.append(form)
                state.issued += 1
                return state.issued
            }
            if tokenDelay > .zero { try? await Task.sleep(for: tokenDelay) }
            let body =
                tokenBody
                ?? #"{"access_token":"tok-\#(number)","token_type":"bearer","expires_in":\#(expiresIn),"scope":""}"#
            return HTTPResponse(status: tokenStatus, contentType: "application/json", bytes: Array(body.utf8))
        default:
            let token = request.headers["Authorization"].flatMap { header -> Int? in
                guard header.hasPrefix("Bearer tok-") else { return nil }
                return Int(header.dropFirst("Bearer tok-".count))
            }
            guard let token, accepts(token) else {
                let problem =
                    #"{"type":"https://themolt.net/problems/unauthorized","title":"Unauthorized","#
                    + #""status":401,"code":"UNAUTHORIZED","detail":"Invalid or expired token"}"#
                return HTTPResponse(status: 401, contentType: "application/problem+json", bytes: Array(problem.utf8))
            }
            return .text("hello tok-\(token)")
        }
    }

    static func parseForm(_ body: String) -> [String: String] {
        var form: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (text: Substring) in
                text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
            }
            form[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return form
    }
}

/// A clock tests move by hand.
final class TestClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date = Date(timeIntervalSince1970: 1_800_000_000)) {
        current = Mutex(start)
    }

    var now: Date { current.withLock { $0 } }

    func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}
