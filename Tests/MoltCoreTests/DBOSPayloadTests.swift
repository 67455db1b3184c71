import Foundation
import MoltCore
import Testing

@Suite("DBOS payload decoding")
struct DBOSPayloadTests {
    @Test("portable_json decodes to JSON values; integers stay integers")
    func portable() throws {
        let payload = DBOSPayload.decode(
            #"{"namedArgs":{},"positionalArgs":["ada",21,0.5,null,true]}"#, serialization: "portable_json")
        let inputs = try #require(payload?.json.flatMap(DBOSWorkflowInputs.init))
        #expect(inputs.positionalArgs == [.string("ada"), .integer(21), .double(0.5), .null, .bool(true)])
        #expect(
            DBOSPayload.decode("1795481112.0323315", serialization: "portable_json")?.json?.doubleValue
                == 1_795_481_112.0323315)
        #expect(DBOSPayload.decode(nil, serialization: "portable_json") == nil)
    }

    @Test("errors need a name and a message")
    func errors() {
        let error = DBOSPayload.decode(
            #"{"name":"ValueError","message":"bad","code":null}"#, serialization: "portable_json")
        #expect(
            error?.json.flatMap(DBOSErrorPayload.init)
                == DBOSErrorPayload(name: "ValueError", message: "bad", code: .null))
        #expect(DBOSErrorPayload(.object(["message": .string("no name")])) == nil)
    }

    @Test("pickles show their size, superjson its json member, unreadable text stays raw")
    func otherFormats() {
        #expect(DBOSPayload.decode("gARLKi4=", serialization: "py_pickle") == .pythonPickle(byteCount: 5))
        #expect(DBOSPayload.decode("gARLKi4=", serialization: nil)?.description == "⟨python pickle, 5 bytes⟩")
        let superjson = #"{"json":{"a":1},"meta":{},"__dbos_serializer":"superjson"}"#
        #expect(DBOSPayload.decode(superjson, serialization: "js_superjson") == .json(.object(["a": .integer(1)])))
        #expect(DBOSPayload.decode(superjson, serialization: nil) == .json(.object(["a": .integer(1)])))
        #expect(DBOSPayload.decode("not json", serialization: "portable_json") == .raw("not json"))
        #expect(DBOSPayload.decode("{\"raw\":\"json\"}", serialization: nil)?.description == #"{"raw":"json"}"#)
    }
}
