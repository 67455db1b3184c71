import Foundation
import MoltCommandLine

// molt: parse the command line, then open the console (or run a developer command). All logic lives in
// MoltConsole/ConsoleRuntime (the loop) and AppCore (update and render).
await CommandLineTool.run(name: "molt", usage: ConsoleConfiguration.usage) {
    let configuration = try ConsoleConfiguration(
        arguments: Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)
    let status: Int32
    switch configuration.command {
    case .console:
        status = await MoltConsole.run(configuration)
    case .bench(let rows):
        status = ConsoleBenchmark.run(rows: rows)
    }
    if status > ExitCode.usage.rawValue { exit(status) }
    return ExitCode(rawValue: status) ?? .failure
}
