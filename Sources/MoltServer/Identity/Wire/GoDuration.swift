/// Go's duration strings as Ory's APIs take them (`1h`, `30m`, `1h30m`, `90s`, `1.5h`, `500ms`).
enum GoDuration {
    /// Parses a duration; nil when the text is not one or is negative.
    static func parse(_ text: String) -> Duration? {
        guard !text.isEmpty else { return nil }
        if text == "0" { return .zero }
        let units: [(String, Double)] = [
            ("ns", 1e-9), ("us", 1e-6), ("µs", 1e-6), ("ms", 1e-3), ("h", 3600), ("m", 60), ("s", 1),
        ]
        var rest = Substring(text)
        var seconds = 0.0
        while !rest.isEmpty {
            let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            guard !number.isEmpty, let value = Double(number) else { return nil }
            rest = rest.dropFirst(number.count)
            guard let (unit, scale) = units.first(where: { rest.hasPrefix($0.0) }) else { return nil }
            rest = rest.dropFirst(unit.count)
            seconds += value * scale
        }
        return .milliseconds(Int64((seconds * 1000).rounded()))
    }
}
