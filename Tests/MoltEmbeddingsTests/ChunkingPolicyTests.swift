import MoltEmbeddings
import Testing

@Suite("Chunking windows")
struct ChunkingPolicyTests {
    @Test("a text that fits is one window")
    func fits() {
        let policy = ChunkingPolicy()
        #expect(policy.windows(count: 0, window: 254) == [0..<0])
        #expect(policy.windows(count: 254, window: 254) == [0..<254])
    }

    @Test("a longer text gets full windows overlapping by 32, the last ending at the end")
    func overlapping() {
        let windows = ChunkingPolicy(overlap: 32).windows(count: 600, window: 254)
        #expect(windows == [0..<254, 222..<476, 346..<600])
        #expect(ChunkingPolicy(overlap: 0).windows(count: 508, window: 254) == [0..<254, 254..<508])
    }

    @Test("past maxChunks, that many windows are spread evenly from the start to the end")
    func capped() {
        let windows = ChunkingPolicy(overlap: 32, maxChunks: 4).windows(count: 10_000, window: 254)
        #expect(windows.count == 4)
        #expect(windows.first == 0..<254)
        #expect(windows.last == 9746..<10_000)
        #expect(windows.map(\.lowerBound) == [0, 3249, 6497, 9746])
        #expect(ChunkingPolicy(maxChunks: 1).windows(count: 1000, window: 100) == [0..<100])
    }

    @Test("an overlap larger than half a window is limited to half")
    func largeOverlap() {
        #expect(ChunkingPolicy(overlap: 500).windows(count: 20, window: 10) == [0..<10, 5..<15, 10..<20])
    }
}
