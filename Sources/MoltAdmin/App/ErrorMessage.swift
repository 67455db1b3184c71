import MoltClient
import MoltCore
import MoltPostgres

/// Turns any error a command throws into the one-line message printed after `error: `, naming the service
/// that failed and how to point molt-admin at it. Messages never contain secrets or database passwords.
enum ErrorMessage {
    static func describe(_ error: any Error, configuration: AdminConfiguration) -> String {
        switch error {
        case let transport as HTTPTransportError:
            return unreachable(transport, configuration: configuration)
        case let postgres as PostgresError where postgres.code == .connection || postgres.code == .pool:
            return "cannot connect to the database at \(RedactedURL.text(configuration.databaseURL)) "
                + "(\(postgres.message.trimmingCharacters(in: .whitespacesAndNewlines))); start PostgreSQL or set "
                + "--database-url / DATABASE_URL"
        case let postgres as PostgresError:
            return "database: \(postgres.message)"
        case let workflow as DBOSWorkflowError where workflow.code == .schemaMissing:
            return "the database at \(RedactedURL.text(configuration.databaseURL)) has no DBOS schema (dbos); "
                + "is --database-url the one moltnetd uses?"
        case let token as TokenError:
            return "signing in failed: \(token.description); check the credentials file or rotate the secret "
                + "(molt-admin bootstrap --force)"
        case let ory as OryError:
            return "\(ory.service) admin API: \(ory.description) (HTTP \(ory.status))"
        case let api as MoltAPIError:
            return "\(api.description) (HTTP \(api.status) from \(api.method) \(api.path))"
        default:
            return String(describing: error)
        }
    }

    private static func unreachable(_ error: HTTPTransportError, configuration: AdminConfiguration) -> String {
        let (service, flag): (String, String)
        if error.url.hasPrefix(configuration.apiURL) {
            (service, flag) = ("the MoltNet API at \(configuration.apiURL)", "--api-url / MOLTNET_API_URL")
        } else if error.url.hasPrefix(configuration.adminURL) {
            (service, flag) = ("the admin API at \(configuration.adminURL)", "--admin-url / MOLTNET_ADMIN_URL")
        } else {
            (service, flag) = (error.url, "the ORY_* variables")
        }
        let summary = error.description.components(separatedBy: " (").first ?? error.description
        return "cannot reach \(service) (\(summary)); is moltnetd running? Set \(flag) otherwise"
    }
}

/// A connection URL with its password replaced by `***`, safe to print.
enum RedactedURL {
    static func text(_ url: String) -> String {
        guard let scheme = url.range(of: "://"), let at = url[scheme.upperBound...].firstIndex(of: "@") else {
            return url
        }
        let credentials = url[scheme.upperBound..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return url }
        return String(url[..<colon]) + ":***" + String(url[at...])
    }
}
