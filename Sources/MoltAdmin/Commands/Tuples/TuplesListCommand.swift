import MoltClient
import MoltCommandLine

/// `tuples list`: relation tuples from the permission service (Keto's read API).
struct TuplesListCommand: AdminCommand {
    static let spec = CommandSpec(
        path: ["tuples", "list"],
        usage: "tuples list [--namespace NS] [--object OBJ] [--relation REL] [--subject SUBJECT]",
        summary: "List permission tuples (Keto relation tuples)",
        flags: [
            .option("namespace", valueName: "NS", help: "Agent, Diary or DiaryEntry (default: all three)"),
            .option("object", valueName: "OBJ", help: "Only tuples of this object id"),
            .option("relation", valueName: "REL", help: "Only this relation (owner, writers, readers, self, parent)"),
            .option("subject", valueName: "SUBJECT", help: "Only this subject: an id or Namespace:object#relation"),
        ],
        examples: ["tuples list --namespace Diary --relation owner"])

    let query: KetoRelationQuery

    init(_ arguments: CommandArguments) throws(ValidationError) {
        try arguments.noPositionals()
        query = KetoRelationQuery(
            namespace: arguments.value("namespace"), object: arguments.value("object"),
            relation: arguments.value("relation"), subject: try arguments.value("subject").map(TupleText.subject))
    }

    func run(in context: AdminContext) async throws -> ExitCode {
        let keto = context.ory.keto
        var tuples: [KetoRelationTuple] = []
        for namespace in query.namespace.map({ [$0] }) ?? moltnetNamespaces {
            var scoped = query
            scoped.namespace = namespace
            tuples += try await allRelationTuples(keto, scoped)
        }
        if context.output.json {
            try context.output.document(tuples)
            return .success
        }
        var table = Table("namespace", "object", "relation", "subject")
        for tuple in tuples { table.add(tuple.namespace, tuple.object, tuple.relation, tuple.subject.description) }
        context.output.table(table, empty: "No tuples.")
        return .success
    }
}
