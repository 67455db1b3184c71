import Foundation
import MoltCore
import Testing

@Suite("OAuth2 token shapes")
struct OAuth2Tests {
    @Test("the token request round-trips through a form body")
    func form() throws {
        let request = OAuth2TokenRequest(clientId: "client-1", clientSecret: Secret("p@ss word+/"), scope: "diary:read")
        let parsed = try OAuth2TokenRequest(formEncoded: request.formEncoded)
        #expect(parsed.clientId == "client-1")
        #expect(parsed.clientSecret.value == "p@ss word+/")
        #expect(parsed.scope == "diary:read")
        #expect(parsed.grantType == "client_credentials")
        #expect(parsed.oauth2Error == nil)
    }

    @Test("a missing parameter is invalid_request; another grant is unsupported_grant_type")
    func errors() throws {
        let missing = #expect(throws: OAuth2Error.self) {
            _ = try OAuth2TokenRequest(formEncoded: "grant_type=client_credentials&client_id=a")
        }
        #expect(missing?.error == .invalidRequest)
        #expect(missing?.httpStatus == 400)
        let password = try OAuth2TokenRequest(formEncoded: "grant_type=password&client_id=a&client_secret=b")
        let error = try #require(password.oauth2Error)
        #expect(error.error == .unsupportedGrantType)
        let json = String(decoding: try JSONCoding.encode(error), as: UTF8.self)
        #expect(json.hasPrefix(#"{"error":"unsupported_grant_type","error_description":""#))
        #expect(OAuth2Error(.invalidClient).httpStatus == 401)
    }

    @Test("the token request is also accepted as JSON")
    func json() throws {
        let body = #"{"client_id":"a","client_secret":"b","grant_type":"client_credentials"}"#
        let request = try JSONCoding.decode(OAuth2TokenRequest.self, from: Data(body.utf8))
        #expect(request.clientSecret.value == "b")
        #expect(String(decoding: try JSONCoding.encode(request), as: UTF8.self) == body)
    }

    @Test("token responses keep extra members; secrets never show in descriptions")
    func response() throws {
        let body = #"{"access_token":"tok","expires_in":3600,"ext":true,"scope":"","token_type":"bearer"}"#
        let token = try JSONCoding.decode(OAuth2TokenResponse.self, from: Data(body.utf8))
        #expect(token.accessToken.value == "tok" && token.expiresIn == 3600)
        #expect(token.additionalProperties == ["ext": true])
        #expect(String(decoding: try JSONCoding.encode(token), as: UTF8.self) == body)
        #expect(!"\(token)".contains("tok,") && !String(reflecting: token).contains("\"tok\""))
        let request = OAuth2TokenRequest(clientId: "a", clientSecret: Secret("hunter2"))
        #expect(!"\(request)".contains("hunter2"))
        let registered = RegisterResponse(
            identityId: .random(), fingerprint: try Fingerprint(parsing: "21FE-31DF-A154-A261"), publicKey: "k",
            clientId: "c", clientSecret: Secret("hunter2"))
        #expect(!"\(registered)".contains("hunter2") && !String(reflecting: registered).contains("hunter2"))
    }
}
