/// The character classes BERT's basic tokenizer is defined by, as Hugging Face `tokenizers` implements them
/// (`normalizers/bert.rs` and `pre_tokenizers/bert.rs`).
extension Unicode.Scalar {
    /// Tab, newline, carriage return, or any scalar with the Unicode White_Space property (NBSP, U+3000, ...).
    var isBertWhitespace: Bool {
        switch value {
        case 0x09, 0x0A, 0x0D, 0x20: true
        case 0..<0x80: false
        default: properties.isWhitespace
        }
    }

    /// A scalar the text cleaner drops: NUL, U+FFFD, and the general categories Cc, Cf, Co and Cs (control,
    /// format, private use, surrogate) except tab, newline and carriage return. Unassigned code points (Cn)
    /// are kept, as Hugging Face tokenizers keeps them (they become `[UNK]`).
    var isBertRemovable: Bool {
        switch value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00, 0xFFFD: return true
        case 0x20..<0x7F: return false
        default:
            switch properties.generalCategory {
            case .control, .format, .privateUse, .surrogate: return true
            default: return false
            }
        }
    }

    /// ASCII punctuation (which includes symbols such as `$`, `+`, `^`, `|`) or any Unicode P* category.
    var isBertPunctuation: Bool {
        switch value {
        case 33...47, 58...64, 91...96, 123...126: return true
        case 0..<0x80: return false
        default:
            switch properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                .initialPunctuation, .finalPunctuation, .otherPunctuation:
                return true
            default: return false
            }
        }
    }

    /// A CJK ideograph, which BERT treats as a word of its own (the CJK Unified Ideographs blocks and the
    /// compatibility ideographs; not Hangul, Hiragana or Katakana). The ranges are Hugging Face tokenizers'
    /// exactly, including its 0x2B920 start of Extension E (Python's BERT says 0x2B820).
    var isCJKIdeograph: Bool {
        switch value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F, 0x2B740...0x2B81F,
            0x2B920...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F:
            true
        default: false
        }
    }

    /// A combining mark without width (category Mn): what accent stripping removes after NFD.
    var isNonspacingMark: Bool {
        value >= 0x300 && properties.generalCategory == .nonspacingMark
    }
}
