import MoltEmbeddings
import Testing

@Suite("WordPiece tokenizer edge cases")
struct TokenizerEdgeCaseTests {
    private func tokens(_ text: String) throws -> [String] {
        try InstalledModel.tokenizer().tokens(text)
    }

    @Test("accents are stripped and text is lower-cased, one scalar at a time")
    func accents() throws {
        #expect(try tokens("Héllo WORLD naïve résumé") == ["hello", "world", "naive", "resume"])
        #expect(try tokens("e\u{301}") == ["e"])  // a decomposed accent is a nonspacing mark too
        #expect(try tokens("ΣΟΦΟΣ") == tokens("σοφοσ"))  // no final-sigma rule, as in tokenizers
    }

    @Test("CJK ideographs are words of their own; kana is not split")
    func cjk() throws {
        #expect(try tokens("東京") == ["東", "京"])
        #expect(try tokens("unaffable東京don't") == ["una", "##ffa", "##ble", "東", "京", "don", "'", "t"])
        #expect(try tokens("ひらがな").count == 4)  // kana stays one word, split by WordPiece only
    }

    @Test("an emoji is an unknown word; punctuation is split off")
    func emojiAndPunctuation() throws {
        #expect(try tokens("🙂") == ["[UNK]"])
        #expect(try tokens("a🙂b") == ["[UNK]"])  // the emoji is part of the word, which then has no pieces
        #expect(try tokens("e-mail: foo@bar.com!") == ["e", "-", "mail", ":", "foo", "@", "bar", ".", "com", "!"])
        #expect(try tokens("$5+3^2") == ["$", "5", "+", "3", "^", "2"])  // ASCII symbols count as punctuation
    }

    @Test("a word over 100 characters is one [UNK]; 100 is still split into pieces")
    func longWords() throws {
        #expect(try tokens(String(repeating: "x", count: 101)) == ["[UNK]"])
        let hundred = try tokens(String(repeating: "x", count: 100))
        #expect(hundred.count > 1 && !hundred.contains("[UNK]"))
        #expect(try tokens(String(repeating: "é", count: 101)) == ["[UNK]"])  // counted after normalising
    }

    @Test("empty, whitespace-only and control-only input give just [CLS] [SEP]")
    func emptyInput() throws {
        let tokenizer = try InstalledModel.tokenizer()
        for text in ["", " ", "\t\n\r \u{00A0}\u{3000}", "\u{0}\u{1}\u{7F}\u{200B}\u{FEFF}"] {
            #expect(
                tokenizer.encode(text) == [tokenizer.classifierID, tokenizer.separatorID], "\(text.debugDescription)")
        }
    }

    @Test("control and format characters vanish without splitting; exotic spaces split")
    func controlCharacters() throws {
        #expect(try tokens("ab\u{0}cd") == tokens("abcd"))
        #expect(try tokens("zero\u{200B}width") == tokens("zerowidth"))
        #expect(try tokens("nb\u{00A0}sp") == ["n", "##b", "sp"])
        #expect(try tokens("line\u{2028}break") == ["line", "break"])
    }

    @Test("literal special tokens are kept, anywhere in the text, and only in upper case")
    func specialTokens() throws {
        let tokenizer = try InstalledModel.tokenizer()
        #expect(tokenizer.encode("hello [MASK] world") == [101, 7592, 103, 2088, 102])
        #expect(tokenizer.encode("a[SEP]b") == [101, 1037, 102, 1038, 102])
        #expect(try tokens("[mask]") == ["[", "mask", "]"])
    }

    @Test("encode truncates to maxTokens, keeping [CLS] and [SEP]")
    func maximumLength() throws {
        let tokenizer = try InstalledModel.tokenizer()
        let text = Array(repeating: "memory", count: 600).joined(separator: " ")
        #expect(tokenizer.pieceIDs(text).count == 600)
        let ids = tokenizer.encode(text, maxTokens: 256)
        #expect(ids.count == 256)
        #expect(ids.first == tokenizer.classifierID && ids.last == tokenizer.separatorID)
        #expect(tokenizer.encode("short", maxTokens: 256).count == 3)
    }
}
