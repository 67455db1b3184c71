public import Foundation

/// The one place that makes JSON encoders and decoders for the wire.
///
/// Every encoder writes sorted keys (stable goldens and signatures of documents), leaves `/` unescaped
/// and writes dates as `2026-02-23T10:11:12.345Z` (JavaScript's `toISOString`, see ``ISO8601Timestamp``);
/// every decoder reads dates with or without fractional seconds. Foundation's `.iso8601` strategy rejects
/// fractions, so it is never used. Signing input is the spec's byte framing, never encoder output.
public enum JSONCoding {
    /// A fresh encoder with the wire settings. Pass `prettyPrinted: true` for human-facing output.
    public static func encoder(prettyPrinted: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            prettyPrinted
            ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ISO8601Timestamp.string(from: date))
        }
        return encoder
    }

    /// A fresh decoder with the wire settings.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = ISO8601Timestamp.date(from: text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "must match format \"date-time\"")
            }
            return date
        }
        return decoder
    }

    /// Encodes `value` as compact wire JSON.
    /// - Throws: `EncodingError` when a value cannot be represented (for example a non-finite number).
    public static func encode(_ value: some Encodable) throws -> Data {
        if let data = WireJSONWriter.encode(value) { return data }
        return try encoder().encode(value)
    }

    /// Decodes a `T` from wire JSON.
    /// - Throws: `DecodingError` when the bytes are not JSON or do not have the shape of `T`.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try decoder().decode(type, from: data)
    }
}
