import MoltCore
import Testing

@testable import MoltServer

@Suite("JSON Patch, JSON values and Go durations used by the Ory wire formats")
struct JSONPatchTests {
    static let document: JSONValue = .object([
        "state": .string("active"), "traits": .object(["a/b": .integer(1), "m~n": .integer(2)]),
        "list": .strings(["x", "y"]),
    ])

    static func patch(_ operations: [JSONValue]) throws -> JSONPatch {
        try JSONPatch(.array(operations))
    }

    static func op(_ op: String, _ path: String, _ value: JSONValue? = nil, from: String? = nil) -> JSONValue {
        var members: [String: JSONValue] = ["op": .string(op), "path": .string(path)]
        if let value { members["value"] = value }
        if let from { members["from"] = .string(from) }
        return .object(members)
    }

    @Test("add, replace, remove, move, copy and test, with escaped pointers and array indexes")
    func operations() throws {
        let patched = try Self.patch([
            Self.op("replace", "/state", .string("inactive")),
            Self.op("add", "/traits/new", .bool(true)),
            Self.op("remove", "/traits/a~1b"),
            Self.op("replace", "/traits/m~0n", .integer(3)),
            Self.op("add", "/list/1", .string("inserted")),
            Self.op("add", "/list/-", .string("end")),
            Self.op("copy", "/copied", from: "/state"),
            Self.op("move", "/moved", from: "/copied"),
            Self.op("test", "/moved", .string("inactive")),
        ]).apply(to: Self.document)
        #expect(
            patched
                == .object([
                    "state": .string("inactive"), "traits": .object(["new": .bool(true), "m~n": .integer(3)]),
                    "list": .strings(["x", "inserted", "y", "end"]), "moved": .string("inactive"),
                ]))
    }

    @Test("refuses missing targets, failed tests, unknown ops and malformed patches")
    func failures() throws {
        let failing: [[JSONValue]] = [
            [Self.op("replace", "/missing", .null)],
            [Self.op("remove", "/traits/none")],
            [Self.op("test", "/state", .string("inactive"))],
            [Self.op("frobnicate", "/state", .null)],
            [Self.op("add", "state", .null)],
            [Self.op("add", "/list/9", .null)],
            [Self.op("replace", "/state")],
            [Self.op("move", "/x")],
        ]
        for operations in failing {
            #expect(throws: JSONPatchError.self, "\(operations)") {
                _ = try Self.patch(operations).apply(to: Self.document)
            }
        }
        #expect(throws: JSONPatchError.self) { _ = try JSONPatch(.object([:])) }
        #expect(throws: JSONPatchError.self) { _ = try JSONPatch(.array([.object(["op": .string("add")])])) }
        #expect(try Self.patch([Self.op("move", "/a", from: "/b")]).touchedPaths == ["/a", "/b"])
    }

    @Test("JSON values keep integers exact up to 2^53 and encode with sorted keys")
    func values() {
        let parsed = JSONValue.parse(Array(#"{"b":[1,2.5,"x",null,true],"a":9007199254740992}"#.utf8))
        #expect(parsed?["a"]?.integerValue == 9_007_199_254_740_992)
        #expect(parsed?["b"] == .array([.integer(1), .number(2.5), .string("x"), .null, .bool(true)]))
        #expect(parsed?.text == #"{"a":9007199254740992,"b":[1,2.5,"x",null,true]}"#)
        #expect(JSONValue.parse(Array("{".utf8)) == nil)
        #expect(JSONValue.parse([]) == nil)
    }

    @Test("Go durations as Kratos takes them")
    func durations() {
        #expect(GoDuration.parse("1h") == .seconds(3600))
        #expect(GoDuration.parse("1h30m") == .seconds(5400))
        #expect(GoDuration.parse("90s") == .seconds(90))
        #expect(GoDuration.parse("1.5h") == .seconds(5400))
        #expect(GoDuration.parse("500ms") == .milliseconds(500))
        #expect(GoDuration.parse("0") == .zero)
        for bad in ["", "h", "10", "5 m", "1d", "-1h"] { #expect(GoDuration.parse(bad) == nil, "\(bad)") }
    }
}
