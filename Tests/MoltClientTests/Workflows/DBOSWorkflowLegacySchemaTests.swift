import Foundation
import MoltClient
import MoltCore
import MoltPostgres
import MoltTestSupport
import Testing

/// An older DBOS schema, shaped like DBOS TypeScript 4.8's (MoltNet's reference deployment): no
/// `serialization`, no `workflow_input`/`workflow_output`, no event history, notifications without
/// `consumed`, steps without times, legacy `workflow_inputs`. The client must read and operate it anyway.
@Suite("DBOS workflow client on an older schema", .timeLimit(.minutes(2)))
struct DBOSWorkflowLegacySchemaTests {
    static let schema = """
        CREATE SCHEMA dbos;
        CREATE TABLE dbos.workflow_status (
            workflow_uuid TEXT PRIMARY KEY, status TEXT, name TEXT, authenticated_user TEXT, assumed_role TEXT,
            authenticated_roles TEXT, request TEXT, output TEXT, error TEXT, executor_id TEXT,
            created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, application_version TEXT, application_id TEXT,
            class_name VARCHAR(255), config_name VARCHAR(255), recovery_attempts BIGINT DEFAULT 0, queue_name TEXT,
            workflow_timeout_ms BIGINT, workflow_deadline_epoch_ms BIGINT, inputs TEXT, started_at_epoch_ms BIGINT,
            deduplication_id TEXT, priority INTEGER NOT NULL DEFAULT 0, owner_xid VARCHAR(40));
        CREATE INDEX workflow_status_created_at_index ON dbos.workflow_status (created_at);
        CREATE TABLE dbos.operation_outputs (
            workflow_uuid TEXT NOT NULL REFERENCES dbos.workflow_status ON DELETE CASCADE, function_id INTEGER NOT NULL,
            output TEXT, error TEXT, function_name TEXT NOT NULL DEFAULT '', child_workflow_id TEXT,
            PRIMARY KEY (workflow_uuid, function_id));
        CREATE TABLE dbos.notifications (
            destination_uuid TEXT NOT NULL REFERENCES dbos.workflow_status ON DELETE CASCADE,
            topic TEXT, message TEXT NOT NULL,
            created_at_epoch_ms BIGINT NOT NULL DEFAULT (EXTRACT(epoch FROM now()) * 1000)::bigint,
            message_uuid TEXT NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY);
        CREATE TABLE dbos.workflow_events (
            workflow_uuid TEXT NOT NULL REFERENCES dbos.workflow_status ON DELETE CASCADE, key TEXT NOT NULL,
            value TEXT NOT NULL, PRIMARY KEY (workflow_uuid, key));
        CREATE TABLE dbos.workflow_inputs (workflow_uuid TEXT PRIMARY KEY, inputs TEXT NOT NULL);
        CREATE TABLE dbos.dbos_migrations (version BIGINT PRIMARY KEY);
        INSERT INTO dbos.dbos_migrations VALUES (31);
        INSERT INTO dbos.workflow_status (workflow_uuid, status, name, created_at, updated_at, executor_id,
            application_version, inputs, output, queue_name, deduplication_id, started_at_epoch_ms, owner_xid)
        VALUES ('ts-1', 'SUCCESS', 'registerAgent', 1771000000000, 1771000002000, 'local', 'abc123',
                '{"json":[{"voucher":"v"}],"__dbos_serializer":"superjson"}', '{"json":"ok","__dbos_serializer":"superjson"}',
                NULL, NULL, NULL, NULL),
            ('ts-2', 'PENDING', 'grantDiary', 1771000001000, 1771000001000, 'local', 'abc123', '[{"diary":"d"}]',
                NULL, 'grants', 'dd-1', 1771000001500, 'x-owner');
        INSERT INTO dbos.operation_outputs (workflow_uuid, function_id, output, function_name)
        VALUES ('ts-2', 1, '{"json":true,"__dbos_serializer":"superjson"}', 'writeRelation'),
            ('ts-2', 2, '"sent"', 'DBOS.send');
        INSERT INTO dbos.notifications (destination_uuid, topic, message, created_at_epoch_ms)
        VALUES ('ts-2', 'signature', '{"json":"sig","__dbos_serializer":"superjson"}', 1771000001600);
        INSERT INTO dbos.workflow_events (workflow_uuid, key, value) VALUES ('ts-2', 'status', '"waiting"');
        """

    @Test("reads, lists, cancels, resumes and forks on a schema without the newer tables and columns")
    func olderSchema() async throws {
        try await TestDatabase.with { database in
            let admin = try await PostgresConnection.connect(to: database.url)
            try await admin.execute(script: Self.schema)
            admin.close()
            let client = DBOSWorkflowClient(pool: database.pool)
            let layout = try await client.layout()
            #expect(!layout.has("workflow_input") && !layout.has("workflow_status", "serialization"))

            let page = try await client.list(WorkflowListFilter(limit: 1))
            #expect(page.workflows.map(\.workflowID) == ["ts-2"])
            let rest = try await client.list(WorkflowListFilter(limit: 1, after: page.next))
            #expect(rest.workflows.map(\.workflowID) == ["ts-1"] && rest.next == nil)
            #expect(try await client.list(WorkflowListFilter(applicationName: "any")).workflows.count == 2)

            let done = try #require(try await client.workflow("ts-1"))
            #expect(done.serialization == nil && done.completedAt == nil && done.applicationName == nil)
            #expect(done.inputs?.json == .array([.object(["voucher": .string("v")])]))
            #expect(done.output?.json == .string("ok"))
            let pending = try #require(try await client.workflow("ts-2"))
            #expect(pending.inputs?.json == .array([.object(["diary": .string("d")])]))
            #expect(pending.queueName == "grants" && pending.priority == 0)

            let steps = try await client.steps(of: "ts-2")
            #expect(steps.map(\.functionName) == ["writeRelation", "DBOS.send"])
            #expect(steps[0].output?.json == .bool(true))
            #expect(steps.allSatisfy { $0.startedAt == nil && $0.duration == nil })

            let events = try await client.events(of: "ts-2")
            #expect(!events.historyAvailable && events.history.isEmpty)
            #expect(events.latest.first?.value?.json == .string("waiting"))
            let messages = try await client.notifications(of: "ts-2")
            #expect(messages.map(\.consumed) == [nil])
            #expect(messages.first?.message?.json == .string("sig"))

            #expect(try await client.cancel("ts-2") == .cancelled)
            let cancelled = try #require(try await client.workflow("ts-2"))
            #expect(cancelled.queueName == nil && cancelled.deduplicationID == nil && cancelled.startedAt == nil)
            #expect(try await client.resume("ts-2"))
            #expect(try await client.workflow("ts-2")?.queueName == "_dbos_internal_queue")

            let copy = try await client.fork("ts-2", startStep: 2)
            let forked = try #require(try await client.workflow(copy))
            #expect(forked.status == .enqueued && forked.name == "grantDiary" && forked.forkedFrom == nil)
            #expect(forked.inputs == pending.inputs && forked.applicationVersion == "abc123")
            #expect(try await client.steps(of: copy).map(\.functionName) == ["writeRelation"])
        }
    }
}
