import Foundation
import MoltEmbeddings
import MoltTestSupport
import Testing

@Suite("Finding and loading a model folder")
struct ModelLoadingTests {
    @Test("a missing folder fails with the command that installs the model")
    func missingFolder() {
        let missing = URL(fileURLWithPath: "/nonexistent/moltnet-model")
        #expect {
            _ = try SentenceEmbedder(directory: missing)
        } throws: { error in
            guard let error = error as? EmbeddingError else { return false }
            return error.code == .modelMissing && error.description.contains("scripts/models.sh install")
        }
    }

    @Test("a folder without weights names the missing file")
    func missingWeights() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("moltnet-noweights-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        try TinyBertModel(seed: 1).write(to: directory, nameOrPath: "tiny")
        try FileManager.default.removeItem(at: directory.appendingPathComponent("model.safetensors"))
        #expect {
            _ = try SentenceEmbedder(directory: directory)
        } throws: { error in
            (error as? EmbeddingError)?.code == .modelMissing && "\(error)".contains("model.safetensors")
        }
    }

    @Test("a corrupt safetensors header is reported as malformed")
    func corruptWeights() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("moltnet-corrupt-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        try TinyBertModel(seed: 1).write(to: directory, nameOrPath: "tiny")
        try Data([200, 0, 0, 0, 0, 0, 0, 0, 123, 125]).write(to: directory.appendingPathComponent("model.safetensors"))
        #expect {
            _ = try SentenceEmbedder(directory: directory)
        } throws: { error in
            (error as? EmbeddingError)?.code == .malformedFile
        }
    }

    @Test("MOLTNET_EMBEDDING_MODEL_DIR wins when set; otherwise the project's .moltnet/models folder")
    func location() {
        let root = URL(fileURLWithPath: "/srv/moltnet")
        #expect(
            EmbeddingModelLocation.directory(environment: [:], projectRoot: root).path
                == "/srv/moltnet/.moltnet/models/all-MiniLM-L6-v2")
        #expect(
            EmbeddingModelLocation.directory(environment: ["MOLTNET_EMBEDDING_MODEL_DIR": ""], projectRoot: root).path
                == "/srv/moltnet/.moltnet/models/all-MiniLM-L6-v2")
        #expect(
            EmbeddingModelLocation.directory(
                environment: ["MOLTNET_EMBEDDING_MODEL_DIR": "/models/e5-small-v2"], projectRoot: root
            ).path
                == "/models/e5-small-v2")
        #expect(
            EmbeddingModelLocation.directory(
                environment: ["MOLTNET_EMBEDDING_MODEL_DIR": "models/e5"], projectRoot: root
            ).path
                == "/srv/moltnet/models/e5")
    }

    @Test("the installed model is the one the tests expect")
    func installedModel() throws {
        #expect(InstalledModel.directory.path.hasSuffix(".moltnet/models/all-MiniLM-L6-v2"))
        let embedder = try InstalledModel.embedder()
        #expect(embedder.tokenizer.vocabulary.count == 30522)
    }
}

@Suite("Passage text of an entry (spec §5.5)")
struct PassageTextTests {
    @Test("title, content and tags joined by newlines; an empty or missing title is left out")
    func passageText() {
        #expect(
            PassageText.of(title: "Trip", content: "We went north.", tags: ["travel", "2026"])
                == "Trip\nWe went north.\ntag:travel\ntag:2026")
        #expect(PassageText.of(title: nil, content: "Just content", tags: []) == "Just content")
        #expect(PassageText.of(title: "", content: "c", tags: ["t"]) == "c\ntag:t")
    }
}
