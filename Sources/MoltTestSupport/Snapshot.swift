import Foundation
public import Testing

/// Compares text with a golden file stored beside the test, in `__Snapshots__/<TestFile>/<name>.txt`.
///
/// A missing golden is written and the test fails (so a new snapshot is always looked at once). With
/// `RECORD_SNAPSHOTS=1` in the environment every compared snapshot is rewritten and the test fails, so a
/// recording run can never pass by accident. On a mismatch the failure shows the first differing lines.
///
/// - Parameters:
///   - text: the text to compare (a rendered screen, a help text).
///   - name: the golden's name, unique within the test file (`header-80x24-colour`).
///   - file: the test file's path; the default places goldens beside it.
public func assertSnapshot(
    _ text: String, named name: String, file: StaticString = #filePath,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let testFile = URL(fileURLWithPath: "\(file)")
    let folder = testFile.deletingLastPathComponent()
        .appendingPathComponent("__Snapshots__")
        .appendingPathComponent(testFile.deletingPathExtension().lastPathComponent)
    let golden = folder.appendingPathComponent("\(name).txt")
    let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"].map { !$0.isEmpty && $0 != "0" } ?? false
    let existing = try? String(contentsOf: golden, encoding: .utf8)

    if recording || existing == nil {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try text.write(to: golden, atomically: true, encoding: .utf8)
        } catch {
            Issue.record("could not write snapshot \(golden.path): \(error)", sourceLocation: sourceLocation)
            return
        }
        let why = recording ? "RECORD_SNAPSHOTS is set" : "there was no snapshot"
        Issue.record(
            "recorded snapshot '\(name)' at \(golden.path) because \(why); check it and run again without recording",
            sourceLocation: sourceLocation)
        return
    }
    guard let existing, existing != text else { return }
    let message =
        "snapshot '\(name)' differs from \(golden.path) (re-record with RECORD_SNAPSHOTS=1):\n"
        + SnapshotDiff.describe(expected: existing, actual: text)
    Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
}

/// A short line diff for snapshot failures.
enum SnapshotDiff {
    /// The differing lines (up to 12), each as `-expected` / `+actual` with its line number.
    static func describe(expected: String, actual: String) -> String {
        let old = expected.components(separatedBy: "\n")
        let new = actual.components(separatedBy: "\n")
        var out: [String] = []
        var shown = 0
        for index in 0..<max(old.count, new.count) {
            let before = index < old.count ? old[index] : "<missing>"
            let after = index < new.count ? new[index] : "<missing>"
            guard before != after else { continue }
            out.append("line \(index + 1):")
            out.append("- \(before)")
            out.append("+ \(after)")
            shown += 1
            if shown == 12 {
                out.append("…")
                break
            }
        }
        return out.joined(separator: "\n")
    }
}
