/// One bind parameter: its text form (or NULL) and the type OID to declare, 0 letting the server infer it.
public struct PostgresBind: Sendable, Equatable {
    /// The value in PostgreSQL's text format; nil is SQL NULL.
    public let text: String?
    /// The declared parameter type; 0 lets the server infer it from the statement.
    public let typeOID: UInt32

    public init(text: String?, typeOID: UInt32) {
        self.text = text
        self.typeOID = typeOID
    }

    public init(_ value: some PostgresEncodable) {
        self.init(text: value.postgresText, typeOID: type(of: value).postgresTypeOID)
    }

    /// SQL NULL of an inferred type.
    public static let null = PostgresBind(text: nil, typeOID: 0)
}
