import Foundation
import MoltEmbeddings
import MoltTestSupport
import Testing

/// `Tests/Fixtures/embeddings-tokenizer-cases.json`, written by bench/embeddings/make_tokenizer_cases.py with
/// Hugging Face tokenizers: 351 inputs (edge cases and seeded random strings over many scripts) and their ids.
struct TokenizerCases: Decodable {
    struct Case: Decodable {
        let text: String
        let ids: [Int32]
    }

    struct Truncation: Decodable {
        let text: String
        let max_tokens: Int
        let ids: [Int32]
    }

    let cases: [Case]
    let truncation: Truncation

    static func load() throws -> TokenizerCases {
        try JSONDecoder().decode(TokenizerCases.self, from: Fixtures.data("embeddings-tokenizer-cases.json"))
    }
}

@Suite("WordPiece tokenizer matches Hugging Face tokenizers")
struct TokenizerConformanceTests {
    @Test("the reference file's tokenizer cases give the same ids and tokens")
    func referenceCases() throws {
        let tokenizer = try InstalledModel.tokenizer()
        let reference = try ReferenceEmbeddings.load()
        #expect(reference.tokenizer_cases.count == 7)
        for testCase in reference.tokenizer_cases {
            let ids = tokenizer.encode(testCase.text)
            #expect(ids == testCase.ids, "\(testCase.text.debugDescription)")
            #expect(ids.map { tokenizer.vocabulary.token(for: $0) } == testCase.tokens)
        }
    }

    @Test("351 edge-case and random inputs give exactly the ids Hugging Face tokenizers gives")
    func generatedCases() throws {
        let tokenizer = try InstalledModel.tokenizer()
        let fixture = try TokenizerCases.load()
        #expect(fixture.cases.count == 351)
        var mismatches = 0
        for testCase in fixture.cases {
            let ids = tokenizer.encode(testCase.text)
            if ids != testCase.ids {
                mismatches += 1
                Issue.record("\(testCase.text.debugDescription): \(ids) instead of \(testCase.ids)")
            }
        }
        #expect(mismatches == 0)
    }

    @Test("truncation keeps [CLS], the first pieces and [SEP], as Hugging Face's does")
    func truncation() throws {
        let tokenizer = try InstalledModel.tokenizer()
        let fixture = try TokenizerCases.load().truncation
        let ids = tokenizer.encode(fixture.text, maxTokens: fixture.max_tokens)
        #expect(ids.count == fixture.max_tokens)
        #expect(ids == fixture.ids)
    }
}
