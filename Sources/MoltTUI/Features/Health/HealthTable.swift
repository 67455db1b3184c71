public import Foundation

/// The checks table of the Health screen: its columns, cells, sort order and filter matching.
public enum HealthTable {
    public static let numberColumn = 0

    /// `#`, Time, Result, HTTP, Latency, Detail.
    public static let columns: [TableColumn] = [
        TableColumn("#", width: .fixed(5), alignment: .right),
        TableColumn("Time", width: .fixed(9)),
        TableColumn("Result", width: .fixed(11)),
        TableColumn("HTTP", width: .fixed(6), alignment: .right),
        TableColumn("Latency", width: .fixed(10), alignment: .right),
        TableColumn("Detail", width: .flexible(minimum: 10, weight: 1)),
    ]

    /// The columns `s` cycles through (Detail is not sortable).
    public static let sortableColumns = 0..<5

    /// A cell's text and colour.
    public static func cell(_ record: HealthCheckRecord, column: Int) -> TableCell {
        let result = record.result
        switch column {
        case 0: return TableCell("\(record.number)")
        case 1: return TableCell(clockTime(result.startedAt), role: .muted)
        case 2: return TableCell(result.outcome.label, role: role(result.outcome))
        case 3: return TableCell(result.outcome.response.map { "\($0.httpStatus)" } ?? "—")
        case 4: return TableCell(latency(result.milliseconds))
        default: return TableCell(detail(result.outcome))
        }
    }

    /// The colour of an outcome.
    public static func role(_ outcome: HealthCheckOutcome) -> StyleRole {
        switch outcome {
        case .healthy: .success
        case .unhealthy: .warning
        case .unreachable: .error
        }
    }

    /// A one-line explanation of an outcome.
    public static func detail(_ outcome: HealthCheckOutcome) -> String {
        switch outcome {
        case .healthy(let response): "status \(response.status ?? "ok")"
        case .unhealthy(_, let title, let detail): detail.map { "\(title): \($0)" } ?? title
        case .unreachable(let reason): reason
        }
    }

    /// `12.3 ms`, `1.20 s`.
    public static func latency(_ milliseconds: Double) -> String {
        milliseconds < 1000
            ? String(format: "%.1f ms", milliseconds) : String(format: "%.2f s", milliseconds / 1000)
    }

    /// `14:03:09Z`: the time of day in UTC.
    public static func clockTime(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let day = ((seconds % 86_400) + 86_400) % 86_400
        return String(format: "%02d:%02d:%02dZ", day / 3600, day % 3600 / 60, day % 60)
    }

    /// Whether a check matches a lowercased filter (result, HTTP status, detail or number).
    public static func matches(_ record: HealthCheckRecord, _ needle: String) -> Bool {
        let outcome = record.result.outcome
        if outcome.label.contains(needle) || "\(record.number)" == needle { return true }
        if let status = outcome.response?.httpStatus, "\(status)".contains(needle) { return true }
        return detail(outcome).lowercased().contains(needle)
    }

    /// Compares two checks by a column: negative, zero or positive.
    public static func compare(_ left: HealthCheckRecord, _ right: HealthCheckRecord, column: Int) -> Int {
        switch column {
        case 0, 1: return left.number - right.number
        case 2: return left.result.outcome.label.compare(right.result.outcome.label).rawValue
        case 3:
            return (left.result.outcome.response?.httpStatus ?? 0) - (right.result.outcome.response?.httpStatus ?? 0)
        case 4:
            return left.result.milliseconds < right.result.milliseconds
                ? -1 : (left.result.milliseconds > right.result.milliseconds ? 1 : 0)
        default: return 0
        }
    }
}
