import Foundation
import MoltEmbeddings

/// Time per embedding of texts of exactly 16, 128 and 256 tokens (`[CLS]` and `[SEP]` included), one text at
/// a time and in batches, tokenisation included. Writes the texts it used to `--texts` so that the
/// onnxruntime side of bench/embeddings/run.sh embeds the very same inputs.
struct EmbeddingsBenchmark {
    var modelDirectory = EmbeddingModelLocation.directory()
    var textsFile: URL?
    var seconds = 2.0
    var lengths = [16, 128, 256]
    var batchSize = 32
    var textsOnly = false

    init(arguments: [String]) throws {
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst() else { throw BenchmarkError("\(flag) needs a value") }
            switch flag {
            case "--model-dir": modelDirectory = URL(fileURLWithPath: value)
            case "--texts": textsFile = URL(fileURLWithPath: value)
            case "--seconds": seconds = Double(value) ?? seconds
            case "--lengths": lengths = value.split(separator: ",").compactMap { Int($0) }
            case "--batch": batchSize = Int(value) ?? batchSize
            case "--write-texts":
                textsFile = URL(fileURLWithPath: value)
                textsOnly = true
            default: throw BenchmarkError("unknown flag \(flag)")
            }
        }
    }

    func run() throws {
        let started = Date()
        let embedder = try SentenceEmbedder(directory: modelDirectory)
        report(["what": "load", "ms": Date().timeIntervalSince(started) * 1000, "model": embedder.modelID])
        var texts: [String: String] = [:]
        for length in lengths {
            let text = try Self.text(tokens: length, tokenizer: embedder.tokenizer)
            texts[String(length)] = text
            if textsOnly { continue }
            let single = measure { _ = embedder.embed(passage: text) }
            report(["what": "single", "tokens": length, "ms": single.median, "min_ms": single.minimum])
            let batch = Array(repeating: text, count: batchSize)
            let batched = measure { _ = embedder.embed(passages: batch) }
            report([
                "what": "batch", "tokens": length, "batch": batchSize, "ms": batched.median / Double(batchSize),
                "min_ms": batched.minimum / Double(batchSize),
            ])
            let tokenize = measure { _ = embedder.tokenizer.encode(text) }
            report(["what": "tokenize", "tokens": length, "ms": tokenize.median, "min_ms": tokenize.minimum])
        }
        if let textsFile {
            try JSONSerialization.data(withJSONObject: texts, options: [.sortedKeys]).write(to: textsFile)
        }
    }

    /// Milliseconds per call: a warm-up, then calls until `seconds` have passed (at least 5); the median and
    /// the fastest call.
    private func measure(_ body: () -> Void) -> (median: Double, minimum: Double) {
        for _ in 0..<3 { body() }
        var times: [Double] = []
        let deadline = Date().addingTimeInterval(seconds)
        while times.count < 5 || Date() < deadline {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        let sorted = times.sorted()
        return (sorted[sorted.count / 2], sorted[0])
    }

    private func report(_ fields: [String: Any]) {
        let data = (try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])) ?? Data()
        print(String(decoding: data, as: UTF8.self))
    }

    /// English-looking text of exactly `tokens` tokens: whole words that are single word pieces, drawn in a
    /// fixed order, plus sentence punctuation.
    static func text(tokens: Int, tokenizer: WordPieceTokenizer) throws -> String {
        let vocabulary = """
            the diary entry records what the agent learned today about memory search and how shared notes \
            help other agents find context quickly when they resume work after a long pause in the network
            """.split(separator: " ").map(String.init)
        var words: [String] = []
        var index = 0
        while tokenizer.pieceIDs(words.joined(separator: " ")).count < tokens - 2 {
            let word = vocabulary[index % vocabulary.count]
            words.append(index % 12 == 11 ? word + "." : word)
            index += 1
            if tokenizer.pieceIDs(words.joined(separator: " ")).count > tokens - 2 {
                words[words.count - 1] = word
            }
        }
        let text = words.joined(separator: " ")
        guard tokenizer.encode(text).count == tokens else {
            throw BenchmarkError("could not build a \(tokens)-token text")
        }
        return text
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
