import CCurses
import Glibc

/// How many terminal cells text takes: per grapheme cluster, from the C library's `wcwidth`.
///
/// `wcwidth` needs a UTF-8 `LC_CTYPE`; `prepareLocale()` selects the user's locale and falls back to
/// `C.UTF-8` when the user's is not UTF-8, so widths are right even under `LANG=C`. On top of `wcwidth`, whole
/// grapheme clusters are measured the way current terminals draw them: combining marks and zero-width joiners
/// add nothing, an emoji sequence (ZWJ family, skin tone, flag, `U+FE0F` presentation) takes two cells,
/// control characters are shown as one replacement cell.
public enum DisplayWidth {
    private static let localeIsReady: Bool = {
        _ = setlocale(LC_ALL, "")
        if !currentCodesetIsUTF8() {
            _ = setlocale(LC_CTYPE, "C.UTF-8")
        }
        return currentCodesetIsUTF8()
    }()

    /// Selects the locale once per process (the terminal backend calls this before `initscr`).
    /// - Returns: whether `LC_CTYPE` is UTF-8.
    @discardableResult
    public static func prepareLocale() -> Bool {
        localeIsReady
    }

    /// The cells one grapheme cluster takes: 0, 1 or 2.
    public static func of(_ character: Character) -> Int {
        if let ascii = character.asciiValue {
            return ascii >= 0x20 && ascii < 0x7f ? 1 : (ascii == 0 ? 0 : 1)
        }
        _ = localeIsReady
        var widest = 0
        var regionalIndicators = 0
        var emojiPresentation = false
        for scalar in character.unicodeScalars {
            let value = scalar.value
            if value == 0xFE0F { emojiPresentation = true }
            if (0x1F1E6...0x1F1FF).contains(value) { regionalIndicators += 1 }
            let width = Int(ccurses_wcwidth(wchar_t(bitPattern: value)))
            if width < 0 {
                // Control or unassigned: drawn as one replacement cell unless it is a format character.
                if scalar.properties.generalCategory == .format { continue }
                widest = max(widest, 1)
            } else {
                widest = max(widest, width)
            }
        }
        if regionalIndicators >= 2 { return 2 }
        if emojiPresentation, widest == 1, character.unicodeScalars.first?.properties.isEmoji == true { return 2 }
        return min(widest, 2)
    }

    /// The cells a string (or any run of characters) takes.
    public static func of(_ characters: some Sequence<Character>) -> Int {
        var total = 0
        for character in characters {
            total += of(character)
        }
        return total
    }

    /// The text a cell shows for a grapheme: control characters become `�`, everything else is itself.
    public static func printable(_ character: Character) -> Character {
        if let ascii = character.asciiValue {
            return ascii >= 0x20 && ascii < 0x7f ? character : "\u{FFFD}"
        }
        if character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .control }) {
            return "\u{FFFD}"
        }
        return character
    }

    private static func currentCodesetIsUTF8() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}
