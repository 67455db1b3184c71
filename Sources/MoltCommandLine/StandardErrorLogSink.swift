import Foundation
public import MoltCore
import Synchronization

/// Writes log records to stderr: one JSON object a line when stderr is not a terminal, readable lines when it is.
public final class StandardErrorLogSink: LogSink {
    /// How records are printed.
    public enum Format: Sendable {
        case json
        case human
    }

    private let format: Format
    private let lock = Mutex(())

    /// A sink for stderr; the format follows whether stderr is a terminal unless given.
    public init(format: Format? = nil) {
        self.format = format ?? (isatty(STDERR_FILENO) == 1 ? .human : .json)
    }

    public func write(_ record: LogRecord) {
        let line = Self.render(record, format: format) + "\n"
        lock.withLock { _ in
            _ = line.utf8CString.withUnsafeBufferPointer { buffer in
                Glibc.write(STDERR_FILENO, buffer.baseAddress, buffer.count - 1)
            }
        }
    }

    /// The text of one record in `format`, without the newline.
    public static func render(_ record: LogRecord, format: Format) -> String {
        let time = ISO8601Timestamp.string(from: record.date)
        switch format {
        case .json:
            var object: [String: String] = record.metadata
            object["time"] = time
            object["level"] = record.level.description
            object["label"] = record.label
            object["message"] = record.message
            return jsonObject(object)
        case .human:
            let metadata = record.metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            let tail = metadata.isEmpty ? "" : " " + metadata.joined(separator: " ")
            return "\(time) \(record.level.description.uppercased()) [\(record.label)] \(record.message)\(tail)"
        }
    }

    /// A flat object of strings as one line of JSON with sorted keys. Written by hand because a server logs
    /// every request: JSONSerialization cost a tenth of a request's CPU time (docs/performance.md).
    static func jsonObject(_ object: [String: String]) -> String {
        var out: [UInt8] = [UInt8(ascii: "{")]
        out.reserveCapacity(256)
        for (index, key) in object.keys.sorted().enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            appendQuoted(key, to: &out)
            out.append(UInt8(ascii: ":"))
            appendQuoted(object[key] ?? "", to: &out)
        }
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `text` as a JSON string: quotes, backslashes and control characters escaped, the rest as UTF-8.
    static func appendQuoted(_ text: String, to out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), byte]
            case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x00..<0x20:
                out += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
