import Foundation
import MoltEmbeddings

/// Benchmarks for MoltNet, run by bench/*/run.sh in release builds:
///
///     MoltBench embeddings [--model-dir DIR] [--lengths 16,128,256] [--batch N] [--seconds S] [--texts FILE]
///     MoltBench embeddings --write-texts FILE
///
/// prints one JSON object a line per measurement (see bench/embeddings/run.sh).
let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch arguments.first {
    case "embeddings":
        try EmbeddingsBenchmark(arguments: Array(arguments.dropFirst())).run()
    default:
        FileHandle.standardError.write(
            Data("usage: MoltBench embeddings [--model-dir DIR] [--texts FILE] [--seconds S]\n".utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
