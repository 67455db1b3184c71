import MoltCommandLine

/// What a command declares about itself: where it sits in the command tree, how it is used, its flags and
/// an example, from which `--help`, usage errors and docs/admin.md are written.
struct CommandSpec: Sendable {
    /// The words that name the command (`["vouchers", "issue"]`).
    let path: [String]
    /// The usage line without the program name (`vouchers issue --as AGENT --count N [--out FILE]`).
    let usage: String
    /// One sentence saying what it does.
    let summary: String
    /// Its own flags; the global ones are added by the dispatcher.
    var flags: [Flag] = []
    /// Extra help paragraphs, shown under "Details".
    var details: [String] = []
    /// Example command lines, without the program name.
    var examples: [String] = []

    /// `vouchers issue`.
    var name: String { path.joined(separator: " ") }
}

/// One `molt-admin` command: parsed from the command line by its initializer (usage errors are
/// `ValidationError`s, exit 2), then run with the clients of an ``AdminContext``.
protocol AdminCommand: Sendable {
    static var spec: CommandSpec { get }
    /// Reads the command's flags and positionals; throws a usage error for anything wrong.
    init(_ arguments: CommandArguments) throws(ValidationError)
    /// Does the work; returns the exit status (errors thrown are failures, exit 1).
    func run(in context: AdminContext) async throws -> ExitCode
}
