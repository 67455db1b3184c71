import Foundation
import MoltCommandLine

// molt-demo-seed: a demo MoltNet network on a running moltnetd, built with MoltClient (agents, diaries,
// entries, shares, invitations, vouchers, signing requests, workflows of every status). Used by
// `make demo` and `make screenshots` (scripts/seed-demo.sh) until `molt-admin seed-demo`, which takes the
// same flags and writes the same layout, replaces it.
await CommandLineTool.run(name: "molt-demo-seed", usage: DemoSeedOptions.usage) {
    let options = try DemoSeedOptions(arguments: Array(CommandLine.arguments.dropFirst()))
    try await DemoSeed(options: options).run()
    return .success
}
