import Foundation
import MoltClient
import MoltCommandLine
import MoltCore
import MoltPostgres

/// `doctor`: checks everything molt-admin and the console depend on and says how to fix what is wrong.
struct DoctorCommand: AdminCommand {
    static let spec = CommandSpec(
        path: ["doctor"], usage: "doctor",
        summary: "Check the server, admin listener, database, DBOS schema, embedding model and credentials",
        details: [
            "Checks: the API (GET /health, GET /ready), the admin listener (GET /health/ready, GET /version), the",
            "database (connection, pgvector, MoltNet's migrations), the DBOS schema version (125 or later), the",
            "embedding model the server names and its folder (MOLTNET_EMBEDDING_MODEL_DIR or .moltnet/models/<model>)",
            "when present, and the credentials files (mode 0600, directory 0700, a key matching its fingerprint, a",
            "secret the server accepts). Exit 1 when any check fails; warnings do not fail.",
        ],
        examples: ["doctor", "doctor --json | jq '.[] | select(.status != \"ok\")'"])

    init(_ arguments: CommandArguments) throws(ValidationError) {
        try arguments.noPositionals()
    }

    func run(in context: AdminContext) async throws -> ExitCode {
        var checks: [DoctorCheck] = []
        checks += await ServiceChecks(context: context).run()
        checks += await DatabaseChecks(context: context).run()
        checks += await CredentialChecks(context: context).run()
        if context.output.json {
            try context.output.document(checks)
        } else {
            var table = Table("check", "status", "detail")
            for check in checks { table.add(check.check, check.status.rawValue, check.detail) }
            var text = table.rendered
            let fixes = checks.filter { $0.fix != nil }
            if !fixes.isEmpty {
                text +=
                    "\nHow to fix:\n" + fixes.map { "  \($0.check): \($0.fix ?? "")" }.joined(separator: "\n") + "\n"
            } else {
                text += "\nEverything looks fine.\n"
            }
            context.output.line(text)
        }
        return checks.contains { $0.status == .fail } ? .failure : .success
    }
}

/// The API, the admin listener and the embedding model.
struct ServiceChecks {
    let context: AdminContext

    func run() async -> [DoctorCheck] {
        var checks: [DoctorCheck] = []
        let configuration = context.configuration
        let startServer = "start moltnetd (make demo), or point --api-url / MOLTNET_API_URL at it"
        do {
            let health = try await context.api.health()
            checks.append(.ok("api", "\(configuration.apiURL) answers /health (\(health.status))"))
            do {
                _ = try await context.api.http.send(.get, "/ready", authenticated: false)
                checks.append(.ok("api ready", "the server reaches its database"))
            } catch {
                checks.append(
                    .fail(
                        "api ready", describe(error),
                        fix: "the server cannot use its database: check moltnetd's DATABASE_URL and its log"))
            }
        } catch {
            checks.append(.fail("api", describe(error), fix: startServer))
        }
        do {
            _ = try await context.admin.send(.get, "/health/ready", authenticated: false)
            let version = try await context.admin.send(.get, "/version", authenticated: false)
            let text = JSONValue.parse(version.body)?["version"]?.stringValue ?? "?"
            checks.append(.ok("admin", "\(configuration.adminURL) is ready (version \(text))"))
        } catch {
            checks.append(
                .fail(
                    "admin", describe(error),
                    fix: "moltnetd serves it on --admin-listen (127.0.0.1:8001); set --admin-url / MOLTNET_ADMIN_URL"))
        }
        checks.append(await modelCheck())
        return checks
    }

    private func modelCheck() async -> DoctorCheck {
        let model: String
        do {
            model = try await context.api.networkInfo().capabilities.diary.embeddingModel
        } catch {
            return .warn(
                "embedding model", "unknown: the network document could not be read (\(describe(error)))",
                fix: "start the server, then run doctor again")
        }
        let environment = context.configuration.environment
        let folder =
            environment["MOLTNET_EMBEDDING_MODEL_DIR"].flatMap { $0.isEmpty ? nil : $0 }
            ?? FileManager.default.currentDirectoryPath + "/.moltnet/models/" + model
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            return .warn(
                "embedding model", "the server uses \(model); no model folder at \(folder)",
                fix: "fine when moltnetd runs elsewhere; on this machine run scripts/models.sh install")
        }
        let missing = ["config.json", "vocab.txt", "model.safetensors"].filter {
            !FileManager.default.fileExists(atPath: folder + "/" + $0)
        }
        guard missing.isEmpty else {
            return .fail(
                "embedding model", "\(folder) lacks \(missing.joined(separator: ", "))",
                fix: "run scripts/models.sh install (it checks every file's sha256)")
        }
        return .ok("embedding model", "\(model), files in \(folder)")
    }

    private func describe(_ error: any Error) -> String {
        ErrorMessage.describe(error, configuration: context.configuration)
    }
}
