public import Foundation

/// The text put before queries and passages before embedding them, as the model was trained.
///
/// e5 models expect `query: ` and `passage: `; all-MiniLM-L6-v2 expects nothing. The prompts come from the
/// model folder: sentence-transformers' `config_sentence_transformers.json` `prompts` (keys `query` and
/// `passage` or `document`) when it has them, else `query: `/`passage: ` for an e5 model (the folder name or
/// `config.json`'s `_name_or_path` contains `e5`), else none.
public struct EmbeddingPrompts: Sendable, Equatable {
    /// Put before a search query.
    public var query: String
    /// Put before a stored text (a diary entry).
    public var passage: String

    /// Prompts given explicitly.
    public init(query: String, passage: String) {
        self.query = query
        self.passage = passage
    }

    /// No prompts (all-MiniLM-L6-v2 and most sentence-transformers models).
    public static let none = EmbeddingPrompts(query: "", passage: "")

    /// The e5 family's prompts.
    public static let e5 = EmbeddingPrompts(query: "query: ", passage: "passage: ")

    /// The prompts the model in `directory` expects.
    public init(directory: URL) throws(EmbeddingError) {
        let sentenceConfig = directory.appendingPathComponent("config_sentence_transformers.json")
        if let prompts = try ModelFile.jsonObjectIfPresent(at: sentenceConfig)?["prompts"] as? [String: String],
            let query = prompts["query"], let passage = prompts["passage"] ?? prompts["document"]
        {
            self.init(query: query, passage: passage)
            return
        }
        let config = try ModelFile.jsonObjectIfPresent(at: directory.appendingPathComponent("config.json"))
        let names = [directory.standardizedFileURL.lastPathComponent, config?["_name_or_path"] as? String ?? ""]
        self = names.contains(where: Self.namesE5Model) ? .e5 : .none
    }

    /// Whether a model name such as `intfloat/e5-small-v2` or `multilingual-e5-small` is an e5 model.
    static func namesE5Model(_ name: String) -> Bool {
        let words = name.lowercased().split { !$0.isLetter && !$0.isNumber }
        return words.contains("e5")
    }
}
