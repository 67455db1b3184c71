import Foundation
import MoltCommandLine

// molt-demo-seed: a demo MoltNet network on a running moltnetd, built with MoltClient (agents, diaries,
// entries, shares, invitations, vouchers, signing requests, workflows of every status). Used by
// `make demo` and `make screenshots` until `molt-admin seed-demo` lands on main.
await CommandLineTool.run(name: "molt-demo-seed", usage: DemoSeedOptions.usage) {
    let options = try DemoSeedOptions(arguments: Array(CommandLine.arguments.dropFirst()))
    try await DemoSeed(options: options).run()
    return .success
}
