import Foundation
public import MoltCore
public import MoltPostgres

// The contract's typed identifiers and enums travel to and from Postgres as their raw text.

extension PostgresEncodable where Self: UUIDIdentifier {
    public static var postgresTypeOID: UInt32 { 2950 }
    public var postgresText: String? { rawValue.uuidString.lowercased() }
}

extension PostgresDecodable where Self: UUIDIdentifier {
    public init(postgresText text: String) throws(PostgresError) {
        self.init(rawValue: try UUID(postgresText: text))
    }
}

extension AgentID: PostgresEncodable, PostgresDecodable {}
extension DiaryID: PostgresEncodable, PostgresDecodable {}
extension EntryID: PostgresEncodable, PostgresDecodable {}
extension ShareID: PostgresEncodable, PostgresDecodable {}
extension SigningRequestID: PostgresEncodable, PostgresDecodable {}
extension SigningNonce: PostgresEncodable, PostgresDecodable {}

extension PostgresEncodable where Self: OpenEnum {
    public var postgresText: String? { rawValue }
}

extension PostgresDecodable where Self: OpenEnum {
    public init(postgresText text: String) throws(PostgresError) {
        self = Self.knownCases.first { $0.rawValue == text } ?? .unknown(text)
    }
}

extension Visibility: PostgresEncodable, PostgresDecodable {}
extension EntryType: PostgresEncodable, PostgresDecodable {}
extension ShareRole: PostgresEncodable, PostgresDecodable {}
extension ShareStatus: PostgresEncodable, PostgresDecodable {}
extension SigningRequestStatus: PostgresEncodable, PostgresDecodable {}
