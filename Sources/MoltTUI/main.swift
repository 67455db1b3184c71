import Foundation
import MoltCommandLine

// molt: parse the command line, then open the console, sign in, register, or run a developer command. All
// logic lives in MoltConsole/ConsoleRuntime (the loop), AppCore (update and render) and AgentSignIn.
await CommandLineTool.run(name: "molt", usage: ConsoleConfiguration.usage) {
    let environment = ProcessInfo.processInfo.environment
    let configuration = try ConsoleConfiguration(
        arguments: Array(CommandLine.arguments.dropFirst()), environment: environment,
        settings: ConsoleSettingsFile.read(environment: environment))
    let status: Int32
    switch configuration.command {
    case .console:
        status = await MoltConsole.run(configuration)
    case .login(let clientID, let privateKeyFile):
        status = try await AgentSignIn(configuration: configuration, environment: environment)
            .login(clientID: clientID, privateKeyFile: privateKeyFile)
    case .register(let voucher, let writeMCP):
        status = try await AgentSignIn(configuration: configuration, environment: environment)
            .register(voucher: voucher, writeMCP: writeMCP)
    case .bench(let rows):
        status = ConsoleBenchmark.run(rows: rows)
    }
    if status > ExitCode.usage.rawValue { exit(status) }
    return ExitCode(rawValue: status) ?? .failure
}
