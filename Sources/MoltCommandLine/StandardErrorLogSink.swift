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
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
            return String(decoding: data, as: UTF8.self)
        case .human:
            let metadata = record.metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            let tail = metadata.isEmpty ? "" : " " + metadata.joined(separator: " ")
            return "\(time) \(record.level.description.uppercased()) [\(record.label)] \(record.message)\(tail)"
        }
    }
}
