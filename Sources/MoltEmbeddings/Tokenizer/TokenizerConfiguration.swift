public import Foundation

/// How a BERT tokenizer normalises and splits text, read from a model folder.
///
/// `tokenizer.json` (the fast tokenizer's file) wins when present; otherwise `tokenizer_config.json`
/// (the Python tokenizer's settings) is used, with BERT's defaults for anything missing.
public struct TokenizerConfiguration: Sendable, Equatable {
    /// Drop control and format characters and turn every whitespace character into a space.
    public var cleanText = true
    /// Put spaces around CJK ideographs so that each is a word.
    public var splitCJKIdeographs = true
    /// Decompose (NFD) and drop nonspacing marks: `é` becomes `e`.
    public var stripAccents = true
    /// Lower-case every character (one scalar at a time, as Hugging Face tokenizers does).
    public var lowercase = true
    /// A word longer than this many Unicode scalars becomes a single unknown token.
    public var maxCharactersPerWord = 100
    /// The prefix of a word piece that continues a word.
    public var continuationPrefix = "##"
    /// The unknown token.
    public var unknownToken = "[UNK]"
    /// The token that starts every sequence.
    public var classifierToken = "[CLS]"
    /// The token that ends every sequence.
    public var separatorToken = "[SEP]"
    /// The padding token.
    public var paddingToken = "[PAD]"
    /// The mask token.
    public var maskToken = "[MASK]"

    /// BERT's uncased defaults (all-MiniLM-L6-v2 and e5-small-v2 use these).
    public init() {}

    /// Reads the configuration of the tokenizer in `directory`.
    public init(directory: URL) throws(EmbeddingError) {
        let fast = directory.appendingPathComponent("tokenizer.json")
        let slow = directory.appendingPathComponent("tokenizer_config.json")
        if let json = try ModelFile.jsonObjectIfPresent(at: fast) {
            applyFastTokenizer(json)
        } else if let json = try ModelFile.jsonObjectIfPresent(at: slow) {
            applyPythonTokenizer(json)
        } else {
            throw EmbeddingError(
                .modelMissing, path: directory.path, "neither tokenizer.json nor tokenizer_config.json")
        }
    }

    /// The special tokens, which the tokenizer matches literally in the input before normalising it.
    public var specialTokens: [String] {
        [paddingToken, unknownToken, classifierToken, separatorToken, maskToken]
    }

    private mutating func applyFastTokenizer(_ json: [String: Any]) {
        if let normalizer = json["normalizer"] as? [String: Any], normalizer["type"] as? String == "BertNormalizer" {
            cleanText = normalizer["clean_text"] as? Bool ?? true
            splitCJKIdeographs = normalizer["handle_chinese_chars"] as? Bool ?? true
            lowercase = normalizer["lowercase"] as? Bool ?? true
            stripAccents = normalizer["strip_accents"] as? Bool ?? lowercase
        }
        if let model = json["model"] as? [String: Any] {
            maxCharactersPerWord = model["max_input_chars_per_word"] as? Int ?? maxCharactersPerWord
            continuationPrefix = model["continuing_subword_prefix"] as? String ?? continuationPrefix
            unknownToken = model["unk_token"] as? String ?? unknownToken
        }
        for case let token as [String: Any] in json["added_tokens"] as? [Any] ?? [] {
            guard let content = token["content"] as? String else { continue }
            switch content.uppercased() {
            case "[CLS]": classifierToken = content
            case "[SEP]": separatorToken = content
            case "[PAD]": paddingToken = content
            case "[MASK]": maskToken = content
            default: break
            }
        }
    }

    private mutating func applyPythonTokenizer(_ json: [String: Any]) {
        lowercase = json["do_lower_case"] as? Bool ?? true
        stripAccents = json["strip_accents"] as? Bool ?? lowercase
        splitCJKIdeographs = json["tokenize_chinese_chars"] as? Bool ?? true
        unknownToken = Self.tokenText(json["unk_token"]) ?? unknownToken
        classifierToken = Self.tokenText(json["cls_token"]) ?? classifierToken
        separatorToken = Self.tokenText(json["sep_token"]) ?? separatorToken
        paddingToken = Self.tokenText(json["pad_token"]) ?? paddingToken
        maskToken = Self.tokenText(json["mask_token"]) ?? maskToken
    }

    /// A special token is written either as a string or, by newer transformers, as `{"content": ...}`.
    private static func tokenText(_ value: Any?) -> String? {
        (value as? String) ?? ((value as? [String: Any])?["content"] as? String)
    }
}
