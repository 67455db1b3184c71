import Foundation
import MoltEmbeddings
import Testing

@Suite("Embedding from many tasks and threads at once")
struct ConcurrencyTests {
    static let texts = [
        "A man is eating food.",
        "The agent wrote a diary entry about shared memory and search.",
        String(repeating: "Long entries are chunked into overlapping windows. ", count: 40),
        "東京 café 🙂",
    ]

    @Test("eight tasks embedding at once get exactly the vectors of one-at-a-time calls")
    func tasks() async throws {
        let embedder = try InstalledModel.embedder()
        let expected = Self.texts.map { embedder.embed(passage: $0) }
        let results = await withTaskGroup(of: (Int, [[Float]]).self) { group in
            for task in 0..<8 {
                group.addTask {
                    var vectors: [[Float]] = []
                    for text in Self.texts.shuffled() + Self.texts {
                        vectors.append(await embedder.embed(passage: text))
                    }
                    return (task, Array(vectors.suffix(Self.texts.count)))
                }
            }
            var all: [Int: [[Float]]] = [:]
            for await (task, vectors) in group { all[task] = vectors }
            return all
        }
        #expect(results.count == 8)
        for (task, vectors) in results {
            #expect(vectors == expected, "task \(task)")
        }
    }

    @Test("threads calling the synchronous API and a batch call at the same time agree with each other")
    func threads() throws {
        let embedder = try InstalledModel.embedder()
        let expected = Self.texts.map { embedder.embed(query: $0) }
        let mismatches = Atomic(0)
        DispatchQueue.concurrentPerform(iterations: 6) { index in
            if index == 0 {
                let batch = embedder.embed(queries: Self.texts)
                for (vector, reference) in zip(batch, expected) where !Self.close(vector, reference) {
                    mismatches.add(1)
                }
            } else {
                for (text, reference) in zip(Self.texts, expected) where embedder.embed(query: text) != reference {
                    mismatches.add(1)
                }
            }
        }
        #expect(mismatches.value == 0)
    }

    private static func close(_ a: [Float], _ b: [Float]) -> Bool {
        zip(a, b).allSatisfy { abs($0 - $1) <= 1e-6 }
    }
}

/// A counter shared by test threads.
final class Atomic: @unchecked Sendable {
    private let lock = NSLock()
    private var count: Int

    init(_ count: Int) { self.count = count }

    func add(_ amount: Int) { lock.withLock { count += amount } }

    var value: Int { lock.withLock { count } }
}
