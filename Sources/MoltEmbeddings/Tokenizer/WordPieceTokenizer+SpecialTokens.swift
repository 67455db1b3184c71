extension WordPieceTokenizer {
    /// A run of input text, or a special token written literally in it.
    enum Segment: Equatable {
        case text(String)
        case special(Int32)
    }

    /// `text` cut around every literal special token (`[CLS]`, `[SEP]`, `[MASK]`, `[PAD]`, `[UNK]`), which
    /// Hugging Face tokenizers matches in the raw input, anywhere, before normalising.
    func segments(_ text: String) -> [Segment] {
        let bytes = Array(text.utf8)
        guard bytes.contains(UInt8(ascii: "[")) else { return [.text(text)] }
        var segments: [Segment] = []
        var runStart = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "["), let special = special(at: index, in: bytes) {
                if runStart < index { segments.append(.text(String(decoding: bytes[runStart..<index], as: UTF8.self))) }
                segments.append(.special(special.id))
                index += special.length
                runStart = index
            } else {
                index += 1
            }
        }
        if runStart < bytes.count { segments.append(.text(String(decoding: bytes[runStart...], as: UTF8.self))) }
        return segments
    }

    private func special(at index: Int, in bytes: [UInt8]) -> (id: Int32, length: Int)? {
        for token in specialTokens where bytes.count - index >= token.text.count {
            if bytes[index..<(index + token.text.count)].elementsEqual(token.text) {
                return (token.id, token.text.count)
            }
        }
        return nil
    }
}
