public import Foundation

/// `GET /health`: `{status: "ok", timestamp}` (openapi `Health`).
public struct Health: Codable, Hashable, Sendable {
    public var status: String
    public var timestamp: Date

    public init(status: String = "ok", timestamp: Date) {
        self.status = status
        self.timestamp = timestamp
    }
}

/// The body of an operation that takes none. Encodes as nothing at all: a client sends no body.
public struct NoBody: Codable, Hashable, Sendable, Validatable {
    public init() {}
    public init(from decoder: any Decoder) throws {}
    public func encode(to encoder: any Encoder) throws {}
    public func validate() -> [FieldError] { [] }
}
