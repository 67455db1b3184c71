import MoltCommandLine

/// The seeder's command line: where moltnetd and its database are, and where the agents' credentials go.
struct DemoSeedOptions {
    static let usage = "molt-demo-seed --api-url URL --admin-url URL --database-url URL [--dir DIR]"

    var apiURL: String
    var adminURL: String
    var databaseURL: String
    /// The folder receiving the console agent's (Ada's) credentials as `moltnet.json` and one credentials file
    /// per agent under `agents/` (`agents/ada.json`, …, mode 0600): the layout of `molt-admin seed-demo --dir`.
    var directory: String

    init(arguments: [String]) throws(ValidationError) {
        let flags: [Flag] = [
            .option("api-url", valueName: "URL", defaultValue: "http://127.0.0.1:8000", help: "the public API"),
            .option("admin-url", valueName: "URL", defaultValue: "http://127.0.0.1:8001", help: "the admin listener"),
            .option("database-url", environment: "DATABASE_URL", valueName: "URL", help: "moltnetd's database"),
            .option("dir", valueName: "DIR", defaultValue: ".moltnet/demo", help: "where the credentials files go"),
        ]
        let parsed = try ParsedArguments(arguments, flags: flags, environment: [:])
        apiURL = try parsed.require("api-url")
        adminURL = try parsed.require("admin-url")
        databaseURL = try parsed.require("database-url")
        directory = try parsed.require("dir")
    }
}
