import Foundation

/// Runs the user's editor on a temporary file while curses is suspended: `$VISUAL`, else `$EDITOR`, else `vi`.
///
/// The file is created with mode 0600 in the temporary folder and removed afterwards. The editor gets the
/// terminal (molt's loop waits); when it exits, curses takes the terminal back and the caller repaints.
@MainActor
enum ExternalEditor {
    /// The edited text, or nil when the editor failed (non-zero exit, could not start) or saved nothing.
    static func edit(_ text: String, suffix: String, terminal: CursesTerminal) -> String? {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("molt-\(UUID().uuidString)\(suffix)")
            .path
        guard
            FileManager.default.createFile(
                atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        else { return nil }
        defer { try? FileManager.default.removeItem(atPath: path) }
        let environment = ProcessInfo.processInfo.environment
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        terminal.suspend()
        defer { terminal.resume() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\(editor) \"$1\"", "molt-editor", path]
        do {
            try process.run()
        } catch {
            return nil
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0,
            let data = FileManager.default.contents(atPath: path)
        else { return nil }
        let edited = String(decoding: data, as: UTF8.self)
        return edited.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : edited
    }
}
