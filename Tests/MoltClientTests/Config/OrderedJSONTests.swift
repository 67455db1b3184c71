import Testing

@testable import MoltClient

@Suite("order-preserving JSON used for the reference's files")
struct OrderedJSONTests {
    @Test("parses and re-indents like Go, keeping member order, duplicates and scalar tokens")
    func roundTrip() throws {
        let text = #" { "b" : [1e3, -0.5, "a\"\/\u00e9"], "a": {}, "a": [ ], "c": {"z": false, "y": null} } "#
        let parsed = try OrderedJSONParser.parse(text)
        #expect(parsed["a"] == .array([]))
        #expect(
            parsed.goIndented() == """
                {
                  "b": [
                    1e3,
                    -0.5,
                    "a\\"\\/\\u00e9"
                  ],
                  "a": {},
                  "a": [],
                  "c": {
                    "z": false,
                    "y": null
                  }
                }
                """)
    }

    @Test(
        "rejects malformed documents",
        arguments: [
            "", "{", "[1,]", #"{"a" 1}"#, "01x", "\"unterminated", "\"bad \\q escape\"", "tru", "{} {}",
            "\"\u{01}\"", "[-]", "1.", "1e", "01", "-012",
        ])
    func rejects(_ text: String) {
        #expect(throws: OrderedJSONParser.Failure.self) { try OrderedJSONParser.parse(text) }
    }

    @Test("decodes escaped member names")
    func escapedNames() throws {
        let parsed = try OrderedJSONParser.parse(#"{"\u0041\n": 1}"#)
        #expect(parsed.members?.first?.key == "A\n")
        #expect(parsed.goIndented() == "{\n  \"A\\n\": 1\n}")
    }
}
