/// Describes how two values differ, field by field (via `Mirror`), for readable test failures on big states.
///
/// `ValueDiff.describe(expected, actual)` lists each differing path (`stack[0].screen.health.viewport.selected`)
/// with both values, instead of printing two whole states.
public enum ValueDiff {
    /// The differing paths, one per line (at most `limit`), or nil when the descriptions are equal.
    public static func describe<Value>(_ expected: Value, _ actual: Value, limit: Int = 20) -> String? {
        var lines: [String] = []
        collect(expected, actual, path: "", into: &lines, limit: limit)
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }

    private static func collect(_ expected: Any, _ actual: Any, path: String, into lines: inout [String], limit: Int) {
        guard lines.count < limit else { return }
        let left = Mirror(reflecting: expected)
        let right = Mirror(reflecting: actual)
        let leftChildren = Array(left.children)
        let rightChildren = Array(right.children)
        let leaf = leftChildren.isEmpty || rightChildren.isEmpty
        if leaf || leftChildren.count != rightChildren.count
            || left.displayStyle == .enum && label(expected) != label(actual)
        {
            let before = String(describing: expected)
            let after = String(describing: actual)
            if before != after {
                lines.append("\(path.isEmpty ? "value" : path): expected \(clip(before)), got \(clip(after))")
            }
            return
        }
        for (index, (leftChild, rightChild)) in zip(leftChildren, rightChildren).enumerated() {
            let name = leftChild.label ?? "[\(index)]"
            let childPath = path.isEmpty ? name : (name.hasPrefix("[") ? path + name : path + "." + name)
            collect(leftChild.value, rightChild.value, path: childPath, into: &lines, limit: limit)
        }
    }

    private static func label(_ value: Any) -> String {
        Mirror(reflecting: value).children.first?.label ?? String(describing: value)
    }

    private static func clip(_ text: String) -> String {
        text.count > 160 ? String(text.prefix(160)) + "…" : text
    }
}
