import MoltCommandLine

/// Every command of molt-admin, the groups they sit in, and the help texts built from their specs.
enum CommandCatalog {
    /// Command groups with a line each, in help order.
    static let groups: [(name: String, summary: String)] = [
        ("vouchers", "Issue, list and graph vouchers"),
        ("agents", "List, inspect, disable and enable agents"),
        ("workflows", "Inspect and repair durable workflows"),
        ("tuples", "List, check, export and import permission tuples"),
        ("diaries", "Export, import and count diaries"),
    ]

    /// Every command, in help order.
    static let commands: [any AdminCommand.Type] = [
        BootstrapCommand.self,
        VouchersIssueCommand.self, VouchersListCommand.self, VouchersGraphCommand.self,
        AgentsListCommand.self, AgentsShowCommand.self, AgentsDisableCommand.self, AgentsEnableCommand.self,
        WorkflowsListCommand.self, WorkflowsShowCommand.self, WorkflowsCancelCommand.self,
        WorkflowsResumeCommand.self, WorkflowsForkCommand.self,
        TuplesListCommand.self, TuplesCheckCommand.self, TuplesExportCommand.self, TuplesImportCommand.self,
        DiariesExportCommand.self, DiariesImportCommand.self, DiariesStatsCommand.self,
        DoctorCommand.self, SignCommand.self, VerifyCommand.self, SeedDemoCommand.self,
    ]

    /// The flags of every command and the global ones (to find the command words before parsing).
    static var allFlags: [Flag] {
        GlobalOptions.flags + commands.flatMap { $0.spec.flags }
    }

    /// What the leading words name: a command, or a group (command nil); nil when they name nothing.
    static func match(_ words: [String]) -> (path: [String], command: (any AdminCommand.Type)?)? {
        guard let first = words.first else { return ([], nil) }
        if let command = commands.first(where: { $0.spec.path == [first] }) { return ([first], command) }
        guard groups.contains(where: { $0.name == first }) else { return nil }
        guard words.count > 1 else { return ([first], nil) }
        let command = commands.first { $0.spec.path == [first, words[1]] }
        return command.map { ([first, words[1]], $0) }
    }

    /// The commands of a group.
    static func subcommands(of group: [String]) -> [any AdminCommand.Type] {
        commands.filter { Array($0.spec.path.prefix(group.count)) == group && $0.spec.path.count > group.count }
    }

    /// `molt-admin --help`, or the help of a group.
    static func help(group: [String]) -> String {
        let listed = group.isEmpty ? commands : subcommands(of: group)
        let width = listed.map { $0.spec.name.count }.max() ?? 0
        let lines = listed.map {
            $0.spec.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.spec.summary
        }
        let title = group.isEmpty ? "" : group.joined(separator: " ") + " "
        return HelpText(
            usage: "\(AdminTool.name) \(title)<command> [options]",
            summary: group.isEmpty
                ? "The MoltNet operators' batch tool: bootstrap, vouchers, agents, workflows, permissions, diaries."
                : groups.first { $0.name == group.first }?.summary ?? "",
            flags: GlobalOptions.flags,
            sections: [
                ("Commands", lines),
                (
                    "Output and exit status",
                    [
                        "Tables on stdout by default, one JSON document with --json; errors on stderr.",
                        "Exit 0 on success, 1 on failure, 2 on a usage error.",
                        "Run '\(AdminTool.name) <command> --help' for a command's options and an example.",
                    ]
                ),
            ]
        ).rendered
    }

    /// A command's `--help`.
    static func help(for spec: CommandSpec) -> String {
        var sections: [(title: String, lines: [String])] = []
        if !spec.details.isEmpty { sections.append(("Details", spec.details)) }
        if !spec.examples.isEmpty {
            sections.append(("Examples", spec.examples.map { "\(AdminTool.name) \($0)" }))
        }
        var text = HelpText(
            usage: "\(AdminTool.name) \(spec.usage)", summary: spec.summary, flags: spec.flags + GlobalOptions.flags,
            sections: sections
        ).rendered
        if spec.flags.isEmpty { text = text.replacingOccurrences(of: "Options:", with: "Global options:") }
        return text
    }
}
