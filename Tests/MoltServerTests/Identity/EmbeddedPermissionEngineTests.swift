import Foundation
import MoltTestSupport
import Testing

@testable import MoltServer

@Suite("Embedded permission engine: MoltNet's namespaces on the real database", .serialized, .timeLimit(.minutes(2)))
struct EmbeddedPermissionEngineTests {
    static let diary = "d0000000-0000-4000-8000-000000000001"
    static let entry = "e0000000-0000-4000-8000-000000000001"
    static let (owner, writer, reader, stranger) = ("agent-owner", "agent-writer", "agent-reader", "agent-stranger")

    /// A diary with an owner, a writer and a reader, and one entry in it.
    static func seed(_ engine: EmbeddedPermissionEngine) async throws {
        try await engine.write([
            RelationTuple(namespace: "Diary", object: diary, relation: "owner", subject: .id(owner)),
            RelationTuple(namespace: "Diary", object: diary, relation: "writers", subject: .id(writer)),
            RelationTuple(namespace: "Diary", object: diary, relation: "readers", subject: .id(reader)),
            RelationTuple(
                namespace: "DiaryEntry", object: entry, relation: "parent",
                subject: .set(namespace: "Diary", object: diary, relation: "")),
            RelationTuple(namespace: "Agent", object: owner, relation: "self", subject: .id(owner)),
        ])
    }

    static let expectations: [(namespace: String, object: String, permission: String, allowed: Set<String>)] = [
        ("Diary", diary, "read", [owner, writer, reader]),
        ("Diary", diary, "write", [owner, writer]),
        ("Diary", diary, "manage", [owner]),
        ("Diary", diary, "owner", [owner]),
        ("Diary", diary, "readers", [reader]),
        ("DiaryEntry", entry, "view", [owner, writer, reader]),
        ("DiaryEntry", entry, "edit", [owner, writer]),
        ("DiaryEntry", entry, "delete", [owner, writer]),
        ("Agent", owner, "act_as", [owner]),
        ("Agent", owner, "self", [owner]),
        ("Diary", diary, "no_such_permission", []),
        ("Nowhere", diary, "read", []),
        ("Diary", "another-diary", "read", []),
        ("DiaryEntry", "another-entry", "view", []),
    ]

    @Test("each role gets exactly its permissions, entries through their parent diary")
    func roles() async throws {
        try await EmbeddedFixture.with { fixture in
            try await Self.seed(fixture.permissions)
            for rule in Self.expectations {
                for subject in [Self.owner, Self.writer, Self.reader, Self.stranger] {
                    let allowed = try await fixture.permissions.check(
                        namespace: rule.namespace, object: rule.object, permission: rule.permission, subjectID: subject)
                    #expect(
                        allowed == rule.allowed.contains(subject),
                        "\(rule.namespace):\(rule.object)#\(rule.permission)@\(subject)")
                }
            }
        }
    }

    @Test("revoking a share and deleting a diary take effect; the entry follows its diary")
    func revocation() async throws {
        try await EmbeddedFixture.with { fixture in
            let engine = fixture.permissions
            try await Self.seed(engine)
            try await engine.delete(
                RelationQuery(namespace: "Diary", object: Self.diary, relation: "writers", subject: .id(Self.writer)))
            #expect(
                !(try await engine.check(
                    namespace: "DiaryEntry", object: Self.entry, permission: "edit", subjectID: Self.writer)))
            #expect(
                try await engine.check(
                    namespace: "DiaryEntry", object: Self.entry, permission: "view", subjectID: Self.reader))
            try await engine.delete(RelationQuery(namespace: "Diary", object: Self.diary))
            #expect(
                !(try await engine.check(
                    namespace: "DiaryEntry", object: Self.entry, permission: "view", subjectID: Self.owner)))
            await #expect(throws: IdentityError(.invalid, "Namespace must be set")) {
                try await engine.delete(RelationQuery(object: Self.diary))
            }
        }
    }

    @Test("writes have set semantics and refuse unknown namespaces and relations")
    func setSemantics() async throws {
        try await EmbeddedFixture.with { fixture in
            let engine = fixture.permissions
            let tuple = RelationTuple(namespace: "Diary", object: "d", relation: "owner", subject: .id("a"))
            try await engine.write([tuple, tuple])
            try await engine.write([tuple])
            #expect(
                try await engine.tuples(RelationQuery(namespace: "Diary"), pageSize: 10, pageToken: nil).items == [
                    tuple
                ])
            for bad in [
                RelationTuple(namespace: "Group", object: "g", relation: "members", subject: .id("a")),
                RelationTuple(namespace: "Diary", object: "d", relation: "admins", subject: .id("a")),
            ] {
                let error = await #expect(throws: IdentityError.self) { try await engine.write([bad]) }
                #expect(error?.code == .invalid)
            }
        }
    }

    @Test("lists the objects a subject can read, directly and through entries' parents")
    func objects() async throws {
        try await EmbeddedFixture.with { fixture in
            let engine = fixture.permissions
            try await Self.seed(engine)
            try await engine.write([
                RelationTuple(namespace: "Diary", object: "d2", relation: "readers", subject: .id(Self.writer)),
                RelationTuple(namespace: "Diary", object: "d3", relation: "owner", subject: .id(Self.stranger)),
            ])
            #expect(
                try await engine.objects(namespace: "Diary", permission: "read", subjectID: Self.writer)
                    == ["d2", Self.diary].sorted())
            #expect(
                try await engine.objects(namespace: "Diary", permission: "write", subjectID: Self.writer) == [
                    Self.diary
                ])
            #expect(try await engine.objects(namespace: "Diary", permission: "manage", subjectID: Self.writer) == [])
            #expect(
                try await engine.objects(namespace: "DiaryEntry", permission: "view", subjectID: Self.reader) == [
                    Self.entry
                ])
            #expect(try await engine.objects(namespace: "DiaryEntry", permission: "edit", subjectID: Self.reader) == [])
            #expect(try await engine.objects(namespace: "Diary", permission: "bogus", subjectID: Self.writer) == [])
        }
    }

    @Test("lists tuples by object, relation, subject id and subject set, a page at a time")
    func listing() async throws {
        try await EmbeddedFixture.with { fixture in
            let engine = fixture.permissions
            try await Self.seed(engine)
            let diaryTuples = try await engine.tuples(
                RelationQuery(namespace: "Diary", object: Self.diary), pageSize: 100, pageToken: nil)
            #expect(diaryTuples.items.count == 3 && diaryTuples.nextPageToken == nil)
            let bySubject = try await engine.tuples(
                RelationQuery(subject: .id(Self.owner)), pageSize: 100, pageToken: nil)
            #expect(Set(bySubject.items.map(\.namespace)) == ["Diary", "Agent"])
            let bySet = try await engine.tuples(
                RelationQuery(subject: .set(namespace: "Diary", object: Self.diary, relation: "")), pageSize: 10,
                pageToken: nil)
            #expect(bySet.items.map(\.description) == ["DiaryEntry:\(Self.entry)#parent@Diary:\(Self.diary)"])
            var all: [RelationTuple] = []
            var token: String?
            repeat {
                let page = try await engine.tuples(RelationQuery(), pageSize: 2, pageToken: token)
                #expect(page.items.count <= 2)
                all += page.items
                token = page.nextPageToken
            } while token != nil
            #expect(all.count == 5)
        }
    }

    @Test("a transactional patch applies every change or none")
    func patch() async throws {
        try await EmbeddedFixture.with { fixture in
            let engine = fixture.permissions
            let keep = RelationTuple(namespace: "Diary", object: "d", relation: "owner", subject: .id("a"))
            try await engine.write([keep])
            let error = await #expect(throws: IdentityError.self) {
                try await engine.apply([
                    (insert: false, tuple: keep),
                    (
                        insert: true,
                        tuple: RelationTuple(namespace: "Diary", object: "d", relation: "nope", subject: .id("b"))
                    ),
                ])
            }
            #expect(error?.code == .invalid)
            #expect(try await engine.check(namespace: "Diary", object: "d", permission: "owner", subjectID: "a"))
            try await engine.apply([
                (insert: false, tuple: keep),
                (
                    insert: true,
                    tuple: RelationTuple(namespace: "Diary", object: "d", relation: "readers", subject: .id("b"))
                ),
            ])
            #expect(!(try await engine.check(namespace: "Diary", object: "d", permission: "owner", subjectID: "a")))
            #expect(try await engine.check(namespace: "Diary", object: "d", permission: "read", subjectID: "b"))
        }
    }
}
