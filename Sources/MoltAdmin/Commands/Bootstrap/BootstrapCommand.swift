import Foundation
import MoltClient
import MoltCommandLine
import MoltCore

/// `bootstrap --agents N`: the genesis agents (spec §4.3), each with its key and a credentials file
/// `<out-dir>/<name>/moltnet.json`; `--install` also copies the first one to the standard credentials path.
struct BootstrapCommand: AdminCommand {
    static let spec = CommandSpec(
        path: ["bootstrap"],
        usage: "bootstrap --agents N [--names A,B] [--out-dir DIR] [--install] [--force] [--dry-run]",
        summary: "Create the genesis agents with their keys and credentials files (idempotent)",
        flags: [
            .option("agents", valueName: "N", help: "How many genesis agents (1 to 50)"),
            .option("names", valueName: "A,B", help: "Their names, comma-separated (default Genesis-1 … Genesis-N)"),
            .option(
                "scopes", valueName: "SCOPES",
                help: "OAuth2 scopes (default: diary:read diary:write crypto:sign agent:profile)"),
            .option("out-dir", valueName: "DIR", help: "Where <name>/moltnet.json go (default: the agents directory)"),
            .toggle("install", help: "Also write the first agent's file to --credentials (the standard path)"),
            .toggle("force", help: "Replace existing credentials files (same key, new secret)"),
            .toggle("dry-run", help: "Only say what would be done"),
        ],
        details: [
            "Each agent gets a new Ed25519 key, a Kratos identity, the Agent self tuple and an OAuth2 client",
            "through the admin listener (POST /admin/moltnet/genesis), and a credentials file (mode 0600) in",
            "<out-dir>/<name>/moltnet.json. A second run keeps existing files after checking that the server knows",
            "their agents and accepts their secrets; --force rewrites them, keeping the key and rotating the secret.",
            "Secrets and private keys are written to the files only, never printed.",
        ],
        examples: ["bootstrap --agents 2 --out-dir .moltnet/agents --install"])

    let names: [String]
    let scopes: [String]?
    let outDirectory: String?
    let install: Bool
    let force: Bool
    let dryRun: Bool

    init(_ arguments: CommandArguments) throws(ValidationError) {
        try arguments.noPositionals()
        let count = try arguments.integer("agents", in: 1...50)
        if let list = arguments.value("names") {
            let names = list.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            if let count, count != names.count {
                throw ValidationError("--names lists \(names.count) names but --agents is \(count)")
            }
            guard names.count <= 50 else { throw ValidationError("at most 50 names") }
            for name in names where !Self.isValidName(name) {
                throw ValidationError("agent name '\(name)' must be letters, digits, '.', '_' or '-'")
            }
            guard Set(names).count == names.count else { throw ValidationError("--names repeats a name") }
            self.names = names
        } else {
            guard let count else { throw ValidationError("missing --agents") }
            names = (1...count).map { "Genesis-\($0)" }
        }
        scopes = arguments.value("scopes").map { $0.split(separator: " ").map(String.init) }
        outDirectory = arguments.value("out-dir")
        install = arguments.isSet("install")
        force = arguments.isSet("force")
        dryRun = arguments.isSet("dry-run")
    }

    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 64 && !name.hasPrefix(".")
            && name.unicodeScalars.allSatisfy {
                CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0)
            }
    }

    func run(in context: AdminContext) async throws -> ExitCode {
        let directory = outDirectory ?? context.configuration.agentsDirectory
        let paths = names.map { "\(directory)/\($0)/\(CredentialsFile.fileName)" }
        if dryRun { return try plan(paths, context: context) }
        let provisioner = GenesisProvisioner(context: context, scopes: scopes, force: force)
        let progress = Progress("bootstrapping agents", total: names.count)
        var outcomes: [GenesisProvisioner.Outcome] = []
        var failures: [(String, String)] = []
        for (name, path) in zip(names, paths) {
            do {
                outcomes.append(try await provisioner.provision(name: name, path: path))
            } catch {
                failures.append((name, ErrorMessage.describe(error, configuration: context.configuration)))
            }
            progress.advance()
        }
        progress.finish()
        var installed: String?
        if install, let first = outcomes.first?.config, failures.isEmpty {
            installed = try installFirst(first, context: context)
        }
        try report(outcomes, failures: failures, installed: installed, context: context)
        return failures.isEmpty ? .success : .failure
    }

    private func installFirst(_ config: MoltNetConfig, context: AdminContext) throws -> String {
        let path = context.configuration.credentialsPath
        let file = CredentialsFile(path: path)
        if let current = try? file.read()?.config, !force {
            if current.identityID == config.identityID,
                current.oauth2.clientSecret.value == config.oauth2.clientSecret.value
            {
                return path
            }
            throw AdminFailure(
                "\(path) already holds the credentials of agent \(current.keys.fingerprint); pass --force to replace them"
            )
        }
        try file.write(config)
        return path
    }

    private func plan(_ paths: [String], context: AdminContext) throws -> ExitCode {
        var table = Table("name", "credentials", "action")
        for (name, path) in zip(names, paths) {
            let exists = FileManager.default.fileExists(atPath: path)
            table.add(name, path, exists ? (force ? "replace" : "check and keep") : "create")
        }
        if context.output.json {
            try context.output.document(
                zip(names, paths).map { ["name": $0, "credentialsPath": $1] })
        } else {
            context.output.table(table, empty: "Nothing to do.")
        }
        return .success
    }

    private func report(
        _ outcomes: [GenesisProvisioner.Outcome], failures: [(String, String)], installed: String?,
        context: AdminContext
    ) throws {
        for (name, message) in failures { context.output.note("error: \(name): \(message)") }
        if context.output.json {
            struct Report: Encodable {
                let agents: [GenesisProvisioner.Outcome]
                let failed: [String: String]
                let installed: String?
            }
            try context.output.document(
                Report(
                    agents: outcomes, failed: Dictionary(uniqueKeysWithValues: failures), installed: installed))
            return
        }
        var table = Table("name", "fingerprint", "identity", "status", "credentials")
        for outcome in outcomes {
            table.add(
                outcome.name, outcome.fingerprint, outcome.identityId, outcome.status.rawValue, outcome.credentialsPath)
        }
        context.output.table(table, empty: "No agents bootstrapped.")
        if let installed { context.output.line("Installed \(outcomes[0].name) as \(installed).") }
    }
}
