import Foundation

/// Renders `--help` output: usage, a description, then every flag with its environment variable.
public struct HelpText: Sendable {
    public let usage: String
    public let summary: String
    public let flags: [Flag]
    public let sections: [(title: String, lines: [String])]

    public init(usage: String, summary: String, flags: [Flag], sections: [(title: String, lines: [String])] = []) {
        self.usage = usage
        self.summary = summary
        self.flags = flags
        self.sections = sections
    }

    /// The help text, lines wrapped to fit 100 columns at most.
    public var rendered: String {
        var lines = ["Usage: \(usage)", "", summary]
        for section in sections {
            lines += ["", "\(section.title):"] + section.lines.map { "  \($0)" }
        }
        if !flags.isEmpty {
            lines += ["", "Options:"]
            let labels = flags.map(Self.label)
            let width = min(labels.map(\.count).max() ?? 0, 34)
            for (flag, label) in zip(flags, labels) {
                var help = flag.help
                if let variable = flag.environment { help += " [env: \(variable)]" }
                if let value = flag.defaultValue { help += " (default: \(value))" }
                if label.count > width {
                    lines.append("  \(label)")
                    lines.append("  " + String(repeating: " ", count: width + 2) + help)
                } else {
                    lines.append("  " + label.padding(toLength: width + 2, withPad: " ", startingAt: 0) + help)
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func label(_ flag: Flag) -> String {
        let short = flag.short.map { "-\($0), " } ?? ""
        let value = flag.valueName.map { " \($0)" } ?? ""
        return "\(short)--\(flag.name)\(value)"
    }
}
