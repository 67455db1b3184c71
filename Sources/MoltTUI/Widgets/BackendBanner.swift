public import Foundation

/// The full-width banner shown while the backend is unreachable: why, and when the next retry happens.
public struct BackendBanner: Sendable {
    public var outage: BackendOutage
    public var now: Date
    /// The spinner frame while a retry is running.
    public var spinner: Character?

    public init(outage: BackendOutage, now: Date, spinner: Character?) {
        self.outage = outage
        self.now = now
        self.spinner = spinner
    }

    /// The banner's text.
    public var text: String {
        var text = "✖ Server unreachable: \(outage.reason)"
        if outage.isRetrying {
            text += " · retrying now \(spinner.map(String.init) ?? "")"
        } else {
            let seconds = max(Int(outage.nextRetry.timeIntervalSince(now).rounded(.up)), 0)
            text += " · retry \(outage.attempt + 1) in \(seconds)s · r retries now"
        }
        return text
    }

    public func render(in rect: Rect, on screen: inout Screen, theme: Theme) {
        guard rect.height >= 1 else { return }
        let row = rect.row(0)
        screen.fill(row, style: theme.style(.banner))
        screen.write(
            TextLayout.truncate(text, toWidth: max(row.width - 2, 0)), row: row.y, column: row.x + 1,
            style: theme.style(.banner))
    }
}
