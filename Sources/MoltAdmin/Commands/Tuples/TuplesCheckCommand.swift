import MoltClient
import MoltCommandLine

/// `tuples check SUBJECT RELATION OBJECT`: whether the subject has the relation or permission on the object,
/// through MoltNet's rules (`read`, `write`, `manage` on diaries; `view`, `edit`, `delete` on entries).
struct TuplesCheckCommand: AdminCommand {
    static let spec = CommandSpec(
        path: ["tuples", "check"], usage: "tuples check SUBJECT RELATION OBJECT",
        summary: "Check a permission: prints allowed (exit 0) or denied (exit 1)",
        details: [
            "SUBJECT is an agent's identity id (or Namespace:object#relation); OBJECT is Namespace:object.",
            "Denied is exit status 1 with nothing on stderr, so scripts can test it directly.",
        ],
        examples: ["tuples check 0b7c…-agent read Diary:5b0c…-diary"])

    let tuple: KetoRelationTuple

    init(_ arguments: CommandArguments) throws(ValidationError) {
        let words = try arguments.positionals(exactly: "SUBJECT", "RELATION", "OBJECT")
        let (namespace, object) = try TupleText.object(words[2])
        guard !words[1].isEmpty else { throw ValidationError("the relation is empty") }
        tuple = KetoRelationTuple(
            namespace: namespace, object: object, relation: words[1], subject: try TupleText.subject(words[0]))
    }

    func run(in context: AdminContext) async throws -> ExitCode {
        let allowed = try await context.ory.keto.check(tuple)
        if context.output.json {
            struct Answer: Encodable {
                let allowed: Bool
                let tuple: KetoRelationTuple
            }
            try context.output.document(Answer(allowed: allowed, tuple: tuple))
        } else {
            context.output.line(allowed ? "allowed" : "denied")
        }
        return allowed ? .success : .failure
    }
}
