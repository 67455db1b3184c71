public import Foundation
import MoltCore
import Synchronization

/// A sentence-embedding model (BERT + mean pooling + L2 normalisation) loaded from a model folder: turns
/// queries and diary entries into unit vectors whose dot product is their cosine similarity.
///
/// Threading: an embedder is immutable apart from its scratch workspace and is safe to call from any number
/// of threads or tasks at once. Forward passes run one at a time in the whole process (a lock), and each
/// pass uses every core: the large matrix products on OpenBLAS's threads (one per core by default;
/// `OPENBLAS_NUM_THREADS` or ``setBLASThreads(_:)`` change that), attention heads and GELU on as many threads
/// of the encoder's own, with OpenBLAS single-threaded meanwhile. So concurrent callers queue rather than
/// oversubscribe the cores; tokenisation, chunking and pooling run on the callers' threads. The synchronous
/// methods block for the whole computation (milliseconds to tens of milliseconds per sequence); the `async`
/// ones run it on a small dedicated thread pool so that Swift's cooperative threads are never blocked.
public final class SentenceEmbedder: Sendable {
    /// The id stored with every vector (the model folder's name, `all-MiniLM-L6-v2` by default): vectors of
    /// different models are not comparable.
    public let modelID: String
    /// Length of every vector (384 for MiniLM-L6 and e5-small).
    public let dimension: Int
    /// Tokens per sequence, `[CLS]` and `[SEP]` included; longer texts are chunked (see ``chunking``).
    public let maxTokens: Int
    /// What goes before queries and passages.
    public let prompts: EmbeddingPrompts
    /// How texts longer than ``maxTokens`` are cut and pooled.
    public let chunking: ChunkingPolicy
    /// The model's tokenizer.
    public let tokenizer: WordPieceTokenizer

    /// Tokens per forward pass when embedding many sequences: large enough for the matrix products to run
    /// at full speed, small enough for the workspace (about 15 KB a token at width 384) to stay in cache.
    static let batchTokenBudget = 512

    /// One forward pass at a time in the process: each pass already uses every core, and the encoder
    /// switches OpenBLAS's (process-wide) thread count around its own parallel steps.
    private static let forwardPass = Mutex(())

    private let encoder: BertEncoder
    private let workspace = Mutex(EncoderWorkspace(workers: BLASThreads.workers))
    private let pool = BlockingPool(maximumThreads: 2)
    private let queryPieces: [Int32]
    private let passagePieces: [Int32]

    /// Loads the model in `directory` (config.json, vocab.txt, tokenizer files, model.safetensors).
    ///
    /// - Parameters:
    ///   - modelID: the id stored with each vector; the folder's name when nil.
    ///   - maxTokens: tokens per sequence; the model's `max_seq_length` (else its position limit) when nil.
    ///   - prompts: the query and passage prompts; read from the folder when nil.
    public init(
        directory: URL, modelID: String? = nil, maxTokens: Int? = nil, prompts: EmbeddingPrompts? = nil,
        chunking: ChunkingPolicy = ChunkingPolicy()
    ) throws(EmbeddingError) {
        guard FileManager.default.fileExists(atPath: directory.path) else {
            throw EmbeddingError(.modelMissing, path: directory.path, "the model folder does not exist")
        }
        let configuration = try BertConfiguration(directory: directory)
        let tokenizer = try WordPieceTokenizer(directory: directory)
        guard tokenizer.vocabulary.count <= configuration.vocabularySize else {
            throw EmbeddingError(.malformedFile, path: directory.path, "vocab.txt is larger than vocab_size")
        }
        let file = try SafeTensorsFile(url: directory.appendingPathComponent("model.safetensors"))
        encoder = BertEncoder(
            configuration: configuration, weights: try BertWeights(file: file, configuration: configuration))
        self.tokenizer = tokenizer
        self.modelID = modelID ?? directory.standardizedFileURL.lastPathComponent
        if let prompts {
            self.prompts = prompts
        } else {
            self.prompts = try EmbeddingPrompts(directory: directory)
        }
        self.chunking = chunking
        dimension = configuration.hiddenSize
        self.maxTokens = min(max(maxTokens ?? configuration.maxSequenceLength, 3), configuration.maxPositions)
        queryPieces = tokenizer.pieceIDs(self.prompts.query)
        passagePieces = tokenizer.pieceIDs(self.prompts.passage)
        guard queryPieces.count + 2 < self.maxTokens, passagePieces.count + 2 < self.maxTokens else {
            throw EmbeddingError(.unsupportedModel, path: directory.path, "the prompts leave no room for text")
        }
    }

    /// Loads the model ``EmbeddingModelLocation`` finds: `MOLTNET_EMBEDDING_MODEL_DIR`, else the default
    /// all-MiniLM-L6-v2 folder under `projectRoot`.
    public static func load(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        projectRoot: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    ) throws(EmbeddingError) -> SentenceEmbedder {
        try SentenceEmbedder(
            directory: EmbeddingModelLocation.directory(environment: environment, projectRoot: projectRoot))
    }

    /// Sets how many threads OpenBLAS uses for each matrix product, and so how many cores a forward pass
    /// uses, for the whole process. Call it before embedding (for example with 1 when other work needs the
    /// cores more than embedding latency matters).
    public static func setBLASThreads(_ count: Int) {
        BLASThreads.set(count)
    }

    // MARK: Embedding

    /// The vector of a search query (with the model's query prompt).
    public func embed(query: String) -> [Float] {
        embed([query], prompt: queryPieces)[0]
    }

    /// The vector of a stored text such as a diary entry (with the model's passage prompt).
    public func embed(passage: String) -> [Float] {
        embed([passage], prompt: passagePieces)[0]
    }

    /// The vectors of several queries, computed in shared forward passes.
    public func embed(queries: [String]) -> [[Float]] {
        embed(queries, prompt: queryPieces)
    }

    /// The vectors of several passages, computed in shared forward passes (faster than one by one).
    public func embed(passages: [String]) -> [[Float]] {
        embed(passages, prompt: passagePieces)
    }

    /// The vector of `text` exactly as given, with no prompt.
    public func embed(text: String) -> [Float] {
        embed([text], prompt: [])[0]
    }

    /// ``embed(query:)`` off the cooperative thread pool.
    public func embed(query: String) async -> [Float] {
        await pool.run { self.embed(query: query) }
    }

    /// ``embed(passage:)`` off the cooperative thread pool.
    public func embed(passage: String) async -> [Float] {
        await pool.run { self.embed(passage: passage) }
    }

    /// ``embed(queries:)`` off the cooperative thread pool.
    public func embed(queries: [String]) async -> [[Float]] {
        await pool.run { self.embed(queries: queries) }
    }

    /// ``embed(passages:)`` off the cooperative thread pool.
    public func embed(passages: [String]) async -> [[Float]] {
        await pool.run { self.embed(passages: passages) }
    }

    /// The sequences (`[CLS]`, prompt, window of pieces, `[SEP]`) a text is embedded as: one, or several
    /// overlapping windows when it is longer than ``maxTokens``.
    public func sequences(forQuery text: String) -> [[Int32]] { sequences(text, prompt: queryPieces) }

    /// The sequences a passage is embedded as (see ``sequences(forQuery:)``).
    public func sequences(forPassage text: String) -> [[Int32]] { sequences(text, prompt: passagePieces) }

    private func sequences(_ text: String, prompt: [Int32]) -> [[Int32]] {
        let pieces = tokenizer.pieceIDs(text)
        let window = maxTokens - 2 - prompt.count
        return chunking.windows(count: pieces.count, window: window).map { range in
            [tokenizer.classifierID] + prompt + pieces[range] + [tokenizer.separatorID]
        }
    }

    private func embed(_ texts: [String], prompt: [Int32]) -> [[Float]] {
        let perText = texts.map { sequences($0, prompt: prompt) }
        let pooled = encode(perText.flatMap { $0 })
        var next = 0
        return perText.map { group in
            defer { next += group.count }
            if group.count == 1 { return pooled[next] }
            var sum = [Float](repeating: 0, count: dimension)
            for vector in pooled[next..<(next + group.count)] {
                for index in 0..<dimension { sum[index] += vector[index] }
            }
            return BertEncoder.normalized(sum)
        }
    }

    /// Runs the sequences through the encoder in batches of about ``batchTokenBudget`` tokens.
    private func encode(_ sequences: [[Int32]]) -> [[Float]] {
        var vectors: [[Float]] = []
        vectors.reserveCapacity(sequences.count)
        var start = 0
        while start < sequences.count {
            var end = start
            var tokens = 0
            while end < sequences.count && (end == start || tokens + sequences[end].count <= Self.batchTokenBudget) {
                tokens += sequences[end].count
                end += 1
            }
            let batch = Array(sequences[start..<end])
            vectors += Self.forwardPass.withLock { _ in
                workspace.withLock { encoder.encode(batch, workspace: $0) }
            }
            start = end
        }
        return vectors
    }
}
