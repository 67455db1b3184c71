import Foundation
import MoltCommandLine

/// The dispatcher: finds the command named by the leading words of the command line, parses its flags with
/// the global ones, prints help or usage errors, runs it, and turns failures into `error: …` and exit 1.
struct AdminTool {
    static let name = "molt-admin"

    let arguments: [String]
    let environment: [String: String]

    func run() async -> ExitCode {
        let words = Self.commandWords(arguments)
        guard let match = CommandCatalog.match(words) else {
            return usageError(unknownCommand(words), usage: "\(Self.name) <command> [options]", helpFor: nil)
        }
        guard let command = match.command else {
            let group = match.path
            if wantsHelp {
                StandardStreams.writeOut(CommandCatalog.help(group: group))
                return .success
            }
            if group.isEmpty {
                return usageError("missing command", usage: "\(Self.name) <command> [options]", helpFor: nil)
            }
            return usageError(
                "'\(Self.name) \(group.joined(separator: " "))' needs a command: "
                    + CommandCatalog.subcommands(of: group).map { $0.spec.path.last ?? "" }.joined(separator: ", "),
                usage: "\(Self.name) \(group.joined(separator: " ")) <command> [options]",
                helpFor: group.joined(separator: " "))
        }
        let spec = command.spec
        if wantsHelp {
            StandardStreams.writeOut(CommandCatalog.help(for: spec))
            return .success
        }
        let context: AdminContext
        let parsed: any AdminCommand
        do throws(ValidationError) {
            let flags = spec.flags + GlobalOptions.flags
            let rest = Self.removing(spec.path, from: arguments, flags: flags)
            let parsedArguments = try ParsedArguments(rest, flags: flags, environment: environment)
            let configuration = try AdminConfiguration(parsedArguments, environment: environment)
            context = AdminContext(configuration: configuration, output: Output(json: configuration.json))
            parsed = try command.init(
                CommandArguments(parsed: parsedArguments, positionals: parsedArguments.positionals))
        } catch {
            return usageError(error.message, usage: "\(Self.name) \(spec.usage)", helpFor: spec.name)
        }
        let status: ExitCode
        do {
            status = try await parsed.run(in: context)
        } catch let usage as ValidationError {
            status = usageError(usage.message, usage: "\(Self.name) \(spec.usage)", helpFor: spec.name)
        } catch {
            StandardStreams.writeError(
                "error: \(ErrorMessage.describe(error, configuration: context.configuration))\n")
            status = .failure
        }
        await context.close()
        return status
    }

    private var wantsHelp: Bool {
        arguments.first == "help" || arguments.prefix { $0 != "--" }.contains { $0 == "--help" || $0 == "-h" }
    }

    private func usageError(_ message: String, usage: String, helpFor command: String?) -> ExitCode {
        let help = command.map { "\(Self.name) \($0) --help" } ?? "\(Self.name) --help"
        StandardStreams.writeError("error: \(message)\nusage: \(usage)\nTry '\(help)'.\n")
        return .usage
    }

    private func unknownCommand(_ words: [String]) -> String {
        guard let first = words.first else { return "missing command" }
        let known = CommandCatalog.match(Array(words.prefix(1))) != nil
        return known ? "unknown command '\(words.prefix(2).joined(separator: " "))'" : "unknown command '\(first)'"
    }

    /// The words before the first flag-looking argument's values: `--api-url X vouchers list` → `vouchers list`.
    static func commandWords(_ arguments: [String]) -> [String] {
        let valued = Set(CommandCatalog.allFlags.filter { !$0.isToggle }.map { "--\($0.name)" })
        var words: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" { break }
            if argument.hasPrefix("-") && argument != "-" {
                if valued.contains(argument) { index += 1 }
            } else {
                words.append(argument)
            }
            index += 1
        }
        return words.first == "help" ? Array(words.dropFirst()) : words
    }

    /// `arguments` without the first occurrence of each word of `path` (they are not positionals).
    static func removing(_ path: [String], from arguments: [String], flags: [Flag]) -> [String] {
        let valued = Set(flags.filter { !$0.isToggle }.map { "--\($0.name)" })
        var remaining = path[...]
        var result: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if valued.contains(argument), index + 1 < arguments.count {
                result += [argument, arguments[index + 1]]
                index += 2
                continue
            }
            if let word = remaining.first, argument == word {
                remaining = remaining.dropFirst()
            } else {
                result.append(argument)
            }
            index += 1
        }
        return result
    }
}
