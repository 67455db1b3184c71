import Foundation

/// Copies text to the clipboard of the terminal the user sits at, with the OSC 52 escape sequence.
///
/// Works in terminals that allow it (xterm with `allowWindowOps`, iTerm2, kitty, WezTerm, Windows Terminal,
/// tmux with `set-clipboard on`), also over SSH; others ignore it silently.
public enum Clipboard {
    /// The largest text sent (terminals cap OSC 52 payloads; 100 KB is below every known limit).
    public static let maximumBytes = 100_000

    /// The escape sequence that puts `text` on the system clipboard (`c`).
    public static func osc52(_ text: String) -> String {
        let bytes = Data(text.utf8.prefix(maximumBytes))
        return "\u{1b}]52;c;\(bytes.base64EncodedString())\u{07}"
    }
}
