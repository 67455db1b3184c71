import Foundation
import MoltCore

/// Encodes and decodes Swift values as DBOS `portable_json`: compact JSON, dates as RFC 3339 UTC strings
/// with milliseconds, inputs wrapped as `{"namedArgs":{},"positionalArgs":[input]}`.
enum PortableCoder {
    static let serialization = DBOSPayload.Serialization.portableJSON

    static func encode<T: Encodable>(_ value: T) throws(WorkflowError) -> String {
        do {
            let data = try makeEncoder().encode(value)
            return String(decoding: data, as: UTF8.self)
        } catch {
            throw WorkflowError(.serialization, message: "cannot encode a \(T.self) as portable JSON")
        }
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String?) throws(WorkflowError) -> T {
        do {
            return try makeDecoder().decode(T.self, from: Data((text ?? "null").utf8))
        } catch {
            throw WorkflowError(.serialization, message: "cannot decode a \(T.self) from portable JSON")
        }
    }

    /// `{"namedArgs":{},"positionalArgs":[input]}`.
    static func encodeInputs<T: Encodable>(_ input: T) throws(WorkflowError) -> String {
        "{\"namedArgs\":{},\"positionalArgs\":[" + (try encode(input)) + "]}"
    }

    /// The first positional argument (or `namedArgs` when there is none) decoded as `T`.
    static func decodeInput<T: Decodable>(_ type: T.Type, from text: String?) throws(WorkflowError) -> T {
        guard let text, let value = try? PortableJSON(parsing: text), let inputs = DBOSWorkflowInputs(value) else {
            throw WorkflowError(.serialization, message: "workflow inputs are not portable JSON arguments")
        }
        let argument = inputs.positionalArgs.first ?? .object(inputs.namedArgs)
        return try decode(T.self, from: argument.jsonText)
    }

    static func encodeError(_ failure: WorkflowFailure) -> String {
        (try? encode(failure.payload)) ?? #"{"message":"unencodable error","name":"Error"}"#
    }

    static func decodeError(_ text: String?) -> WorkflowFailure {
        let payload = text.flatMap { try? PortableJSON(parsing: $0) }.flatMap(DBOSErrorPayload.init)
        return WorkflowFailure(payload ?? DBOSErrorPayload(name: "Error", message: text ?? "unknown error"))
    }

    private static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ISO8601Timestamp.string(from: date))
        }
        return encoder
    }

    private static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = ISO8601Timestamp.date(from: text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an RFC 3339 date")
            }
            return date
        }
        return decoder
    }
}
