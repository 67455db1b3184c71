import Foundation

/// The text of a check shown in the response pane and in the detail screen: facts, then the response body
/// (pretty-printed when it is JSON).
enum HealthResponseText {
    /// The text view for a check (a hint when none is selected).
    static func view(_ record: HealthCheckRecord?, scroll: ScrollPosition) -> TextView {
        guard let record else {
            return TextView(
                paragraphs: [TextView.Paragraph("Select a check to see its response.", role: .muted)], scroll: scroll)
        }
        return TextView(paragraphs: paragraphs(record), scroll: scroll)
    }

    /// The facts and body of a check.
    static func paragraphs(_ record: HealthCheckRecord) -> [TextView.Paragraph] {
        let result = record.result
        var lines: [TextView.Paragraph] = [
            TextView.Paragraph(
                "\(result.outcome.label) · \(HealthTable.latency(result.milliseconds)) · "
                    + "at \(HealthTable.clockTime(result.startedAt))",
                role: HealthTable.role(result.outcome)),
            TextView.Paragraph(HealthTable.detail(result.outcome)),
        ]
        if let response = result.outcome.response {
            lines.append(TextView.Paragraph("HTTP \(response.httpStatus)", role: .muted))
            lines.append(TextView.Paragraph(""))
            lines.append(TextView.Paragraph(prettyBody(response.body)))
        }
        return lines
    }

    /// The body re-indented when it is JSON, else as received.
    static func prettyBody(_ body: String) -> String {
        guard let data = body.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data),
            let pretty = try? JSONSerialization.data(
                withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        else { return body.isEmpty ? "(empty body)" : body }
        return String(decoding: pretty, as: UTF8.self)
    }
}
