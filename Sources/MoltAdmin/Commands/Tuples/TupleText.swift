import MoltClient
import MoltCommandLine

/// The text forms of relation tuple parts on the command line: an object `Namespace:object`, a subject
/// `id` or `Namespace:object#relation` (the relation may be empty: `Diary:<id>#`).
enum TupleText {
    static func object(_ text: String) throws(ValidationError) -> (namespace: String, object: String) {
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex, text.index(after: colon) != text.endIndex
        else { throw ValidationError("object '\(text)' must be Namespace:object (for example Diary:<uuid>)") }
        return (String(text[..<colon]), String(text[text.index(after: colon)...]))
    }

    static func subject(_ text: String) throws(ValidationError) -> KetoSubject {
        guard let hash = text.lastIndex(of: "#") else {
            guard !text.isEmpty else { throw ValidationError("the subject is empty") }
            return .id(text)
        }
        let (namespace, object) = try object(String(text[..<hash]))
        return .set(namespace: namespace, object: object, relation: String(text[text.index(after: hash)...]))
    }
}

/// Every tuple matching `query`, following Keto's pages.
func allRelationTuples(_ keto: KetoClient, _ query: KetoRelationQuery) async throws -> [KetoRelationTuple] {
    var tuples: [KetoRelationTuple] = []
    var token: String?
    repeat {
        let page = try await keto.relationTuples(query, pageSize: 1000, pageToken: token)
        tuples += page.items
        token = page.nextPageToken
    } while token != nil
    return tuples
}

/// MoltNet's permission namespaces (spec §5.1), listed when no namespace is given.
let moltnetNamespaces = ["Agent", "Diary", "DiaryEntry"]
