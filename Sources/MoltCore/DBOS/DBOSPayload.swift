import Foundation

/// A payload read from a DBOS system table (`inputs`, `output`, `error`, `message`, `value`), decoded
/// according to the row's `serialization` column.
///
/// DBOS writers use `portable_json` (cross-language JSON), `py_pickle` (base64 Python pickle), `js_superjson`
/// (superjson with a `"json"` member) or, on old rows, no marker at all. A reader decodes what it can and
/// shows the rest honestly: pickles as their size, anything unreadable as the raw text, the way DBOS's own
/// `safe_deserialize` does. Used by MoltWorkflows and by any console reading the DBOS tables.
public enum DBOSPayload: Sendable, Hashable, CustomStringConvertible {
    /// A JSON value (portable_json, plain JSON, or the `json` member of a superjson document).
    case json(PortableJSON)
    /// A Python pickle that cannot be read outside Python, with its decoded size.
    case pythonPickle(byteCount: Int)
    /// Text that could not be decoded, shown as stored.
    case raw(String)

    /// The `serialization` values DBOS writes.
    public enum Serialization {
        public static let portableJSON = "portable_json"
        public static let pythonPickle = "py_pickle"
        public static let superjson = "js_superjson"
    }

    /// Decodes `text` written with `serialization`; nil when the column is NULL.
    public static func decode(_ text: String?, serialization: String?) -> DBOSPayload? {
        guard let text else { return nil }
        switch serialization {
        case Serialization.portableJSON:
            return (try? PortableJSON(parsing: text)).map(DBOSPayload.json) ?? .raw(text)
        case Serialization.pythonPickle:
            return pickle(text) ?? .raw(text)
        case Serialization.superjson:
            return superjson(text) ?? .raw(text)
        default:
            if let value = try? PortableJSON(parsing: text) {
                return superjson(value) ?? .json(value)
            }
            return pickle(text) ?? .raw(text)
        }
    }

    /// The JSON value, when the payload is JSON.
    public var json: PortableJSON? {
        guard case .json(let value) = self else { return nil }
        return value
    }

    /// JSON as compact text, a pickle as `⟨python pickle, N bytes⟩`, raw text as stored.
    public var description: String {
        switch self {
        case .json(let value): value.jsonText
        case .pythonPickle(let count): "⟨python pickle, \(count) bytes⟩"
        case .raw(let text): text
        }
    }

    private static func pickle(_ text: String) -> DBOSPayload? {
        guard let bytes = Data(base64Encoded: text), bytes.first == 0x80 else { return nil }
        return .pythonPickle(byteCount: bytes.count)
    }

    private static func superjson(_ text: String) -> DBOSPayload? {
        (try? PortableJSON(parsing: text)).flatMap(superjson)
    }

    private static func superjson(_ value: PortableJSON) -> DBOSPayload? {
        guard value["__dbos_serializer"] == .string("superjson"), let json = value["json"] else { return nil }
        return .json(json)
    }
}

/// Workflow inputs as `portable_json` stores them: `{"positionalArgs":[…],"namedArgs":{…}}`.
public struct DBOSWorkflowInputs: Sendable, Hashable, Codable {
    public var positionalArgs: [PortableJSON]
    public var namedArgs: [String: PortableJSON]

    public init(positionalArgs: [PortableJSON], namedArgs: [String: PortableJSON] = [:]) {
        self.positionalArgs = positionalArgs
        self.namedArgs = namedArgs
    }

    /// Reads the inputs object; missing members read as empty, like DBOS's own reader.
    public init?(_ value: PortableJSON) {
        guard case .object(let members) = value else { return nil }
        if case .array(let positional) = members["positionalArgs"] ?? .array([]) {
            positionalArgs = positional
        } else {
            return nil
        }
        if case .object(let named) = members["namedArgs"] ?? .object([:]) {
            namedArgs = named
        } else {
            return nil
        }
    }
}

/// A workflow or step error as `portable_json` stores it: `{"name":…,"message":…,"code":…,"data":…}`.
public struct DBOSErrorPayload: Sendable, Hashable, Codable {
    /// The error's type name (`ValueError`, `VoucherExpired`).
    public var name: String
    /// A human-readable message.
    public var message: String
    /// An application code (string or integer), if any.
    public var code: PortableJSON?
    /// Structured details, if any.
    public var data: PortableJSON?

    public init(name: String, message: String, code: PortableJSON? = nil, data: PortableJSON? = nil) {
        self.name = name
        self.message = message
        self.code = code
        self.data = data
    }

    /// Reads the error object; nil unless it has string `name` and `message` members.
    public init?(_ value: PortableJSON) {
        guard let name = value["name"]?.stringValue, let message = value["message"]?.stringValue else { return nil }
        self.init(name: name, message: message, code: value["code"], data: value["data"])
    }
}
