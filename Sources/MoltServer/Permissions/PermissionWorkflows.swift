import Foundation
import MoltCore
import MoltWorkflows

/// The durable permission grants of spec §5.1 (`grantDiaryOwner`, `grantDiaryWriter`, `grantDiaryReader`,
/// `removeDiaryRelations`, `grantEntryParent`, `removeEntryRelations`): each writes or deletes relation
/// tuples in one retried step, so a crash mid-way finishes after restart. Callers start them after their own
/// transaction committed and wait for the result.
struct PermissionWorkflows: Sendable {
    struct DiaryGrant: Codable, Sendable {
        let diaryID: String
        let agentID: String
    }

    struct EntryGrant: Codable, Sendable {
        let entryID: String
        let diaryID: String
    }

    private let engine: WorkflowEngine
    private let grantOwner: Workflow<DiaryGrant, Bool>
    private let grantWriter: Workflow<DiaryGrant, Bool>
    private let grantReader: Workflow<DiaryGrant, Bool>
    private let removeAgentRelations: Workflow<DiaryGrant, Bool>
    private let removeDiary: Workflow<DiaryGrant, Bool>
    private let grantParent: Workflow<EntryGrant, Bool>
    private let removeEntry: Workflow<EntryGrant, Bool>

    static let retry = StepRetryPolicy(maxAttempts: 5, initialBackoff: .milliseconds(100))

    /// Registers the workflows on `engine` (before it runs).
    init(engine: WorkflowEngine, permissions: any PermissionEngine) {
        self.engine = engine
        func diaryRelation(_ relation: String) -> @Sendable (WorkflowContext, DiaryGrant) async throws -> Bool {
            { context, grant in
                try await context.step("writeRelation", retry: Self.retry) {
                    try await permissions.write([
                        RelationTuple(
                            namespace: Namespaces.diary, object: grant.diaryID, relation: relation,
                            subject: .id(grant.agentID))
                    ])
                }
                return true
            }
        }
        grantOwner = engine.register("grantDiaryOwner", diaryRelation("owner"))
        grantWriter = engine.register("grantDiaryWriter", diaryRelation("writers"))
        grantReader = engine.register("grantDiaryReader", diaryRelation("readers"))
        removeAgentRelations = engine.register("removeDiaryAgentRelations") { context, grant in
            for relation in ["readers", "writers"] {
                try await context.step("delete-\(relation)", retry: Self.retry) {
                    try await permissions.delete(
                        RelationQuery(
                            namespace: Namespaces.diary, object: grant.diaryID, relation: relation,
                            subject: .id(grant.agentID)))
                }
            }
            return true
        }
        removeDiary = engine.register("removeDiaryRelations") { context, grant in
            try await context.step("deleteRelations", retry: Self.retry) {
                try await permissions.delete(RelationQuery(namespace: Namespaces.diary, object: grant.diaryID))
            }
            return true
        }
        grantParent = engine.register("grantEntryParent") { context, grant in
            try await context.step("writeParent", retry: Self.retry) {
                try await permissions.write([
                    RelationTuple(
                        namespace: Namespaces.entry, object: grant.entryID, relation: "parent",
                        subject: .set(namespace: Namespaces.diary, object: grant.diaryID, relation: ""))
                ])
            }
            return true
        }
        removeEntry = engine.register("removeEntryRelations") { context, grant in
            try await context.step("deleteRelations", retry: Self.retry) {
                try await permissions.delete(RelationQuery(namespace: Namespaces.entry, object: grant.entryID))
            }
            return true
        }
    }

    func grantOwner(diary: DiaryID, agent: AgentID) async throws {
        try await run(grantOwner, DiaryGrant(diaryID: diary.description, agentID: agent.description), "owner")
    }

    func grant(_ role: ShareRole, diary: DiaryID, agent: AgentID) async throws {
        let grant = DiaryGrant(diaryID: diary.description, agentID: agent.description)
        try await run(role == .writer ? grantWriter : grantReader, grant, "share-\(role.rawValue)")
    }

    func revokeShare(diary: DiaryID, agent: AgentID) async throws {
        try await run(
            removeAgentRelations, DiaryGrant(diaryID: diary.description, agentID: agent.description), "revoke")
    }

    func removeRelations(of diary: DiaryID) async throws {
        try await run(removeDiary, DiaryGrant(diaryID: diary.description, agentID: ""), "remove")
    }

    func grantParent(entry: EntryID, diary: DiaryID) async throws {
        try await run(grantParent, EntryGrant(entryID: entry.description, diaryID: diary.description), "parent")
    }

    func removeRelations(of entry: EntryID) async throws {
        try await run(removeEntry, EntryGrant(entryID: entry.description, diaryID: ""), "remove-entry")
    }

    /// Starts the workflow with a fresh id (grants repeat over a diary's life) and waits for it.
    private func run<Input: Codable & Sendable>(_ workflow: Workflow<Input, Bool>, _ input: Input, _ kind: String)
        async throws
    {
        let handle = try await engine.startWorkflow(
            workflow, input: input, id: "perm-\(kind)-\(UUID().uuidString.lowercased())")
        _ = try await handle.getResult()
    }
}
