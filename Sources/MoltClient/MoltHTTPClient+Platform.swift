public import Foundation
import MoltCore

/// `GET /health`'s answer: `{status: "ok", timestamp}`.
public struct HealthStatus: Decodable, Sendable, Equatable {
    /// `ok` while the server runs.
    public let status: String
    /// The server's clock, as sent (`2026-02-23T10:11:12.345Z`).
    public let timestamp: String

    public init(status: String, timestamp: String) {
        self.status = status
        self.timestamp = timestamp
    }

    /// ``timestamp`` as a date, when it parses.
    public var date: Date? { ISO8601Timestamp.date(from: timestamp) }
}

extension MoltHTTPClient {
    /// Whether the server is up.
    /// - Remark: GET /health (getHealth)
    public func health() async throws -> HealthStatus {
        try await send(.get, "/health", authenticated: false, operation: "getHealth")
    }
}
