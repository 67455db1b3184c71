public import Foundation

/// A structured logger: a label, a minimum level and metadata, writing records to a `LogSink`.
///
/// Messages are constant sentences; variable facts go in metadata with dotted keys (`http.status`,
/// `request.id`). Libraries receive a logger and never create one; secrets go through `Secret` so they
/// print as `<redacted>`.
public struct Logger: Sendable {
    /// The subsystem that logs (`moltnetd.http`, `workflows`).
    public var label: String
    /// Records below this level are dropped before formatting.
    public var level: LogLevel
    /// Metadata attached to every record from this logger.
    public var metadata: [String: String]
    /// Where records go.
    public let sink: any LogSink

    public init(label: String, level: LogLevel = .info, metadata: [String: String] = [:], sink: any LogSink) {
        self.label = label
        self.level = level
        self.metadata = metadata
        self.sink = sink
    }

    /// A logger that drops everything (for code paths that must not log, and quiet tests).
    public static let disabled = Logger(label: "disabled", level: .critical, sink: DiscardingLogSink())

    /// Writes a record if `level` is at or above the logger's level.
    public func log(
        _ level: LogLevel, _ message: @autoclosure () -> String, _ metadata: [String: String] = [:],
        date: Date = Date()
    ) {
        guard level >= self.level else { return }
        let merged = self.metadata.merging(metadata) { _, new in new }
        sink.write(LogRecord(date: date, level: level, label: label, message: message(), metadata: merged))
    }

    public func debug(_ message: @autoclosure () -> String, _ metadata: [String: String] = [:]) {
        log(.debug, message(), metadata)
    }

    public func info(_ message: @autoclosure () -> String, _ metadata: [String: String] = [:]) {
        log(.info, message(), metadata)
    }

    public func notice(_ message: @autoclosure () -> String, _ metadata: [String: String] = [:]) {
        log(.notice, message(), metadata)
    }

    public func warning(_ message: @autoclosure () -> String, _ metadata: [String: String] = [:]) {
        log(.warning, message(), metadata)
    }

    public func error(_ message: @autoclosure () -> String, _ metadata: [String: String] = [:]) {
        log(.error, message(), metadata)
    }

    /// The same logger with more metadata.
    public func with(_ metadata: [String: String]) -> Logger {
        var copy = self
        copy.metadata.merge(metadata) { _, new in new }
        return copy
    }

    /// The same logger with another label.
    public func labelled(_ label: String) -> Logger {
        var copy = self
        copy.label = label
        return copy
    }
}

/// How severe a log record is.
public enum LogLevel: Int, Comparable, Sendable, CaseIterable, CustomStringConvertible {
    case trace, debug, info, notice, warning, error, critical

    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String {
        switch self {
        case .trace: "trace"
        case .debug: "debug"
        case .info: "info"
        case .notice: "notice"
        case .warning: "warning"
        case .error: "error"
        case .critical: "critical"
        }
    }

    /// Parses a level name (`debug`, `INFO`…); nil when unknown.
    public init?(name: String) {
        guard let level = Self.allCases.first(where: { $0.description == name.lowercased() }) else { return nil }
        self = level
    }
}

/// One log record as a sink receives it.
public struct LogRecord: Sendable, Equatable {
    public let date: Date
    public let level: LogLevel
    public let label: String
    public let message: String
    public let metadata: [String: String]
}

/// Where log records go: stderr in the executables, memory in tests.
public protocol LogSink: Sendable {
    func write(_ record: LogRecord)
}

/// A sink that drops every record.
public struct DiscardingLogSink: LogSink {
    public init() {}
    public func write(_ record: LogRecord) {}
}
