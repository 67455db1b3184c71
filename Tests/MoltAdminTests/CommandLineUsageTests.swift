import Foundation
import MoltTestSupport
import Testing

/// The built binary's command line without any server: help for every command, and usage errors (exit 2,
/// the message, the usage line and where to get help, nothing on stdout).
@Suite("molt-admin command line")
struct CommandLineUsageTests {
    static let commands: [[String]] = [
        ["bootstrap"], ["vouchers", "issue"], ["vouchers", "list"], ["vouchers", "graph"], ["agents", "list"],
        ["agents", "show"], ["agents", "disable"], ["agents", "enable"], ["workflows", "list"], ["workflows", "show"],
        ["workflows", "cancel"], ["workflows", "resume"], ["workflows", "fork"], ["tuples", "list"],
        ["tuples", "check"], ["tuples", "export"], ["tuples", "import"], ["diaries", "export"], ["diaries", "import"],
        ["diaries", "stats"], ["doctor"], ["sign"], ["verify"], ["seed-demo"],
    ]

    @Test("every command prints its help with a usage line, options and an example", arguments: commands)
    func help(command: [String]) async throws {
        try await AdminHarness.offline { admin in
            let outcome = try await admin.run(command + ["--help"])
            #expect(outcome.status == 0, "\(outcome)")
            #expect(outcome.stderr == "")
            #expect(outcome.stdout.hasPrefix("Usage: molt-admin \(command.joined(separator: " "))"), "\(outcome)")
            #expect(outcome.stdout.contains("--api-url URL"))
            #expect(outcome.stdout.contains("Examples:\n  molt-admin \(command.joined(separator: " "))"), "\(outcome)")
        }
    }

    @Test("the top-level help lists every command; a group's help lists its commands")
    func topLevelHelp() async throws {
        try await AdminHarness.offline { admin in
            let top = try await admin.run(["--help"])
            #expect(top.status == 0)
            for command in Self.commands {
                #expect(top.stdout.contains("\n  \(command.joined(separator: " ")) "), "\(command)")
            }
            let group = try await admin.run(["help", "workflows"])
            #expect(group.status == 0)
            #expect(group.stdout.hasPrefix("Usage: molt-admin workflows <command> [options]"))
            #expect(group.stdout.contains("workflows fork") && !group.stdout.contains("vouchers issue"))
        }
    }

    /// Arguments, the expected message, and the usage line printed.
    static let usageErrors: [([String], String, String)] = [
        ([], "missing command", "molt-admin <command> [options]"),
        (["bogus"], "unknown command 'bogus'", "molt-admin <command> [options]"),
        (
            ["vouchers"], "'molt-admin vouchers' needs a command: issue, list, graph",
            "molt-admin vouchers <command> [options]"
        ),
        (["vouchers", "bogus"], "unknown command 'vouchers bogus'", "molt-admin <command> [options]"),
        (
            ["vouchers", "issue", "--count", "9"], "--count must be a whole number from 1 to 5",
            "molt-admin vouchers issue"
        ),
        (["vouchers", "issue"], "missing --count", "molt-admin vouchers issue"),
        (
            ["vouchers", "issue", "--count", "1", "--out", "v.txt"], "--out must end in .csv or .json",
            "molt-admin vouchers issue"
        ),
        (
            ["vouchers", "list", "--active", "--expired"], "--active, --expired cannot be combined",
            "molt-admin vouchers list"
        ),
        (["vouchers", "graph", "--dot", "--json"], "--dot and --json cannot be combined", "molt-admin vouchers graph"),
        (["agents", "list", "--bogus"], "unknown option --bogus", "molt-admin agents list"),
        (["agents", "list", "--state", "sleepy"], "--state must be active or inactive", "molt-admin agents list"),
        (["agents", "show"], "missing FINGERPRINT", "molt-admin agents show"),
        (
            ["agents", "show", "nope"], "fingerprint 'nope' is not of the form XXXX-XXXX-XXXX-XXXX",
            "molt-admin agents show"
        ),
        (["agents", "disable"], "missing ID (identity id or fingerprint)", "molt-admin agents disable"),
        (["workflows", "list", "--status", "DONE"], "unknown workflow status 'DONE'", "molt-admin workflows list"),
        (
            ["workflows", "list", "--since", "yesterday"],
            "--since must be an ISO-8601 time or an age like 15m, 2h or 7d",
            "molt-admin workflows list"
        ),
        (
            ["workflows", "list", "--limit", "0"], "--limit must be a whole number from 1 to 1000",
            "molt-admin workflows list"
        ),
        (["workflows", "fork", "wf-1"], "missing --from-step", "molt-admin workflows fork"),
        (["workflows", "cancel"], "missing ID", "molt-admin workflows cancel"),
        (["workflows", "resume", "--all-failed"], "--all-failed needs --name", "molt-admin workflows resume"),
        (["workflows", "resume", "wf-1", "--yes"], "--yes only goes with --all-failed", "molt-admin workflows resume"),
        (["tuples", "check", "agent", "read"], "missing OBJECT", "molt-admin tuples check"),
        (
            ["tuples", "check", "agent", "read", "Diary"],
            "object 'Diary' must be Namespace:object (for example Diary:<uuid>)",
            "molt-admin tuples check"
        ),
        (["tuples", "import"], "missing FILE", "molt-admin tuples import"),
        (
            ["diaries", "export", "--diary", "x", "--out", "d.jsonl"], "--diary 'x' is not a UUID",
            "molt-admin diaries export"
        ),
        (
            ["diaries", "import", "a.jsonl", "--visibility", "secret"],
            "--visibility must be private, moltnet or public", "molt-admin diaries import"
        ),
        (
            ["diaries", "stats", "--limit", "-1"], "--limit must be a whole number from 0 to 1000",
            "molt-admin diaries stats"
        ),
        (["bootstrap"], "missing --agents", "molt-admin bootstrap"),
        (
            ["bootstrap", "--agents", "2", "--names", "a"], "--names lists 1 names but --agents is 2",
            "molt-admin bootstrap"
        ),
        (
            ["bootstrap", "--names", "a/b"], "agent name 'a/b' must be letters, digits, '.', '_' or '-'",
            "molt-admin bootstrap"
        ),
        (["sign"], "missing --message (or --request-id)", "molt-admin sign"),
        (["sign", "--message", "x", "--nonce", "n"], "--nonce 'n' is not a UUID", "molt-admin sign"),
        (["verify", "--message", "x"], "missing --signature", "molt-admin verify"),
        (["doctor", "extra"], "unexpected argument 'extra'", "molt-admin doctor"),
        (
            ["--api-url", "ftp://example", "doctor"], "--api-url must be an http:// or https:// URL",
            "molt-admin doctor"
        ),
        (["seed-demo", "--dir"], "--dir needs a value", "molt-admin seed-demo"),
    ]

    @Test("bad arguments exit 2 with the message and a usage line on stderr", arguments: usageErrors)
    func usageError(arguments: [String], message: String, usage: String) async throws {
        try await AdminHarness.offline { admin in
            let outcome = try await admin.run(arguments)
            #expect(outcome.status == 2, "\(outcome)")
            #expect(outcome.stdout == "")
            #expect(outcome.stderr.hasPrefix("error: \(message)\nusage: \(usage)"), "\(outcome)")
            #expect(outcome.stderr.hasSuffix("--help'.\n"), "\(outcome)")
        }
    }
}
