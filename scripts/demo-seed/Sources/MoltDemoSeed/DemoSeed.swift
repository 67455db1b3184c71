import Foundation
import MoltClient
import MoltCommandLine
import MoltCore
import MoltPostgres

/// Seeds the demo network. Idempotent: when Ada's credentials already work, nothing is done.
struct DemoSeed {
    let options: DemoSeedOptions

    func run() async throws {
        try FileManager.default.createDirectory(
            atPath: options.directory + "/agents", withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        if let ada = try? CredentialsFile(path: path("ada")).read()?.config,
            (try? await MoltAPIClient(baseURL: options.apiURL, credentials: ada.clientCredentials).whoami()) != nil
        {
            say("already seeded: \(path("ada"))")
            return
        }
        let agents = DemoAgents(options: options)
        let ada = try await agents.genesis("Ada", file: path("ada"))
        let grace = try await agents.genesis("Grace", file: path("grace"))
        let bob = try await agents.register("Bob", voucher: try await ada.client.issueVoucher().code, file: path("bob"))
        let chen = try await agents.register(
            "Chen", voucher: try await bob.client.issueVoucher().code, file: path("chen"))
        _ = try await agents.register("Dana", voucher: try await grace.client.issueVoucher().code, file: path("dana"))
        say("agents: Ada \(ada.fingerprint), Grace, Bob, Chen, Dana")

        let content = DemoContent(ada: ada, grace: grace, bob: bob, chen: chen)
        try await content.diaries()
        try await content.shares()
        try await content.vouchersAndSigning()
        say("diaries, entries, shares, invitations, vouchers and signing requests written")

        let pool = PostgresPool(url: options.databaseURL, maximumConnections: 2)
        try await DemoWorkflows(pool: pool).seed(pendingSigning: content.cancellableRequest)
        await pool.shutDown()
        say("workflows of every status written")
        guard let adaConfig = try CredentialsFile(path: path("ada")).read()?.config else {
            throw DemoSeedError("Ada's credentials vanished from \(path("ada"))")
        }
        try CredentialsFile(path: consoleCredentials).write(adaConfig)
        say("done: molt --credentials \(consoleCredentials) --api-url \(options.apiURL)")
    }

    private func path(_ name: String) -> String { options.directory + "/agents/\(name).json" }

    /// The console agent's credentials, where `molt-admin seed-demo` puts them too.
    private var consoleCredentials: String { options.directory + "/moltnet.json" }

    private func say(_ line: String) { StandardStreams.writeError("seed: \(line)\n") }
}
