import Foundation

/// The shape of a BERT encoder, from a model folder's `config.json` (plus `sentence_bert_config.json` for the
/// sequence length sentence-transformers uses).
struct BertConfiguration: Sendable, Equatable {
    /// Width of every token vector (384 for MiniLM-L6 and e5-small).
    var hiddenSize: Int
    /// Attention heads per layer; `hiddenSize` must be a multiple of it.
    var attentionHeads: Int
    /// Transformer layers (6 for all-MiniLM-L6-v2, 12 for e5-small-v2).
    var layers: Int
    /// Width of the feed-forward layer.
    var intermediateSize: Int
    /// Number of rows of the word-embedding table.
    var vocabularySize: Int
    /// Rows of the position-embedding table: the hard limit on tokens per sequence.
    var maxPositions: Int
    /// Rows of the token-type table (only type 0 is used).
    var tokenTypes: Int
    /// The epsilon of every layer norm.
    var layerNormEpsilon: Float
    /// Tokens per sequence, `[CLS]` and `[SEP]` included, that the model was trained for: sentence-transformers'
    /// `max_seq_length` when given (256 for all-MiniLM-L6-v2), else `maxPositions`.
    var maxSequenceLength: Int

    /// A configuration given field by field (tests build tiny random models with it).
    init(
        hiddenSize: Int, attentionHeads: Int, layers: Int, intermediateSize: Int, vocabularySize: Int,
        maxPositions: Int, tokenTypes: Int = 2, layerNormEpsilon: Float = 1e-12, maxSequenceLength: Int? = nil
    ) {
        self.hiddenSize = hiddenSize
        self.attentionHeads = attentionHeads
        self.layers = layers
        self.intermediateSize = intermediateSize
        self.vocabularySize = vocabularySize
        self.maxPositions = maxPositions
        self.tokenTypes = tokenTypes
        self.layerNormEpsilon = layerNormEpsilon
        self.maxSequenceLength = min(maxSequenceLength ?? maxPositions, maxPositions)
    }

    /// Reads `config.json` (and `sentence_bert_config.json` when present) from `directory`.
    init(directory: URL) throws(EmbeddingError) {
        let url = directory.appendingPathComponent("config.json")
        let json = try ModelFile.jsonObject(at: url)
        func integer(_ key: String) throws(EmbeddingError) -> Int {
            guard let value = json[key] as? Int, value > 0 else {
                throw EmbeddingError(.malformedFile, path: url.path, "\(key) is missing or not a positive integer")
            }
            return value
        }
        let activation = json["hidden_act"] as? String ?? "gelu"
        guard activation == "gelu" else {
            throw EmbeddingError(.unsupportedModel, path: url.path, "hidden_act \(activation); only exact (erf) gelu")
        }
        if let kind = json["position_embedding_type"] as? String, kind != "absolute" {
            throw EmbeddingError(.unsupportedModel, path: url.path, "position_embedding_type \(kind)")
        }
        let sentenceConfig = try ModelFile.jsonObjectIfPresent(
            at: directory.appendingPathComponent("sentence_bert_config.json"))
        self.init(
            hiddenSize: try integer("hidden_size"),
            attentionHeads: try integer("num_attention_heads"),
            layers: try integer("num_hidden_layers"),
            intermediateSize: try integer("intermediate_size"),
            vocabularySize: try integer("vocab_size"),
            maxPositions: try integer("max_position_embeddings"),
            tokenTypes: json["type_vocab_size"] as? Int ?? 2,
            layerNormEpsilon: (json["layer_norm_eps"] as? Double).map { Float($0) } ?? 1e-12,
            maxSequenceLength: sentenceConfig?["max_seq_length"] as? Int
        )
        guard hiddenSize % attentionHeads == 0 else {
            throw EmbeddingError(.malformedFile, path: url.path, "hidden_size is not a multiple of num_attention_heads")
        }
    }

    /// Width of one attention head.
    var headSize: Int { hiddenSize / attentionHeads }
}
