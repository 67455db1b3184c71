import MoltCommandLine
import Testing

@Suite("Flag parsing")
struct ParsedArgumentsTests {
    let flags: [Flag] = [
        .option("name", short: "n", environment: "NAME", help: "a name"),
        .option("count", defaultValue: "3", help: "how many"),
        .option("tag", repeatable: true, help: "tags"),
        .toggle("json", environment: "AS_JSON", help: "json output"),
    ]

    @Test("long, short, inline and separated values; positionals; --")
    func forms() throws {
        let parsed = try ParsedArguments(
            ["pos1", "--name", "a", "--count=7", "--tag", "x", "--tag=y", "--json", "--", "--not-a-flag"],
            flags: flags, environment: [:])
        #expect(parsed.value("name") == "a")
        #expect(parsed.value("count") == "7")
        #expect(parsed.allValues("tag") == ["x", "y"])
        #expect(parsed.isSet("json"))
        #expect(parsed.positionals == ["pos1", "--not-a-flag"])
        #expect(try ParsedArguments(["-n", "b"], flags: flags, environment: [:]).value("name") == "b")
    }

    @Test("environment and defaults fill in what the command line leaves out")
    func fallbacks() throws {
        let parsed = try ParsedArguments([], flags: flags, environment: ["NAME": "env", "AS_JSON": "yes"])
        #expect(parsed.value("name") == "env")
        #expect(parsed.value("count") == "3")
        #expect(parsed.isSet("json"))
        #expect(!(try ParsedArguments([], flags: flags, environment: ["AS_JSON": "0"]).isSet("json")))
    }

    @Test(
        "mistakes are validation errors",
        arguments: [
            (["--nope"], "unknown option --nope"), (["-x"], "unknown option -x"), (["--name"], "--name needs a value"),
            (["--json=1"], "--json takes no value"), (["--name", "a", "--name", "b"], "more than once"),
        ])
    func mistakes(arguments: [String], message: String) {
        let error = #expect(throws: ValidationError.self) {
            _ = try ParsedArguments(arguments, flags: flags, environment: [:])
        }
        #expect(error?.message.contains(message) == true)
    }

    @Test("integers are range-checked and required values name their variable")
    func checks() throws {
        let parsed = try ParsedArguments(["--count", "99"], flags: flags, environment: [:])
        #expect(throws: ValidationError.self) { _ = try parsed.integer("count", in: 1...10) }
        let error = #expect(throws: ValidationError.self) { _ = try parsed.require("name") }
        #expect(error?.message == "missing --name (or NAME)")
    }

    @Test("help shows usage, options, environment and defaults")
    func help() {
        let text = HelpText(usage: "tool [options]", summary: "Does things.", flags: flags).rendered
        #expect(text.hasPrefix("Usage: tool [options]\n\nDoes things.\n"))
        #expect(text.contains("-n, --name VALUE"))
        #expect(text.contains("[env: NAME]"))
        #expect(text.contains("(default: 3)"))
    }
}
