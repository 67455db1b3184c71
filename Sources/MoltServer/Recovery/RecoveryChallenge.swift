import Foundation
import MoltCore

/// The recovery challenge of spec §3.5: `moltnet:recovery:<ed25519:key>:<64 hex nonce>:<unix ms>`, with a
/// hex HMAC-SHA256 under the server's secret so the server keeps no state until it is answered.
struct RecoveryChallenge: Sendable, Equatable {
    let publicKey: String
    let nonce: String
    let issuedAtMilliseconds: Int64

    /// A challenge is answerable for five minutes.
    static let lifetimeMilliseconds: Int64 = 300_000

    var text: String { "moltnet:recovery:\(publicKey):\(nonce):\(issuedAtMilliseconds)" }

    static func issue(for publicKey: String, at date: Date) -> RecoveryChallenge {
        RecoveryChallenge(
            publicKey: publicKey, nonce: Hex.encode(SecureRandom.bytes(32)),
            issuedAtMilliseconds: Int64((date.timeIntervalSince1970 * 1000).rounded(.down)))
    }

    static func mac(_ text: String, secret: Secret<String>) -> String {
        Hex.encode(Digest.hmacSHA256(key: Array(secret.value.utf8), message: Array(text.utf8)))
    }

    /// Parses and checks a challenge against its HMAC and the key it must be for, in the reference's order:
    /// format, key, HMAC (constant time), timestamp, age. The failure's message is the detail to send.
    static func verify(_ text: String, hmac: String, publicKey: String, secret: Secret<String>, now: Date)
        throws(ProblemDetails) -> RecoveryChallenge
    {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 6, parts[0] == "moltnet", parts[1] == "recovery", parts[2] == "ed25519" else {
            throw invalid("Invalid challenge format")
        }
        guard "\(parts[2]):\(parts[3])" == publicKey else { throw invalid("Challenge was issued for a different key") }
        guard Digest.constantTimeEqual(mac(text, secret: secret), hmac) else { throw invalid("Invalid HMAC") }
        guard let issued = Int64(parts[5]) else { throw invalid("Invalid challenge timestamp") }
        let age = Int64((now.timeIntervalSince1970 * 1000).rounded(.down)) - issued
        guard age >= 0 else { throw invalid("Challenge timestamp is in the future") }
        guard age <= lifetimeMilliseconds else { throw invalid("Challenge expired") }
        return RecoveryChallenge(publicKey: publicKey, nonce: parts[4], issuedAtMilliseconds: issued)
    }

    private static func invalid(_ detail: String) -> ProblemDetails {
        ProblemDetails(.invalidChallenge, detail: detail)
    }
}
