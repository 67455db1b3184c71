public import MoltClient
import MoltCore
import MoltPostgres

/// A failed call as the console shows it: a problem's title and detail for the flash line, or an outage
/// (`connection refused`) that raises the backend banner.
///
/// Built from every error MoltClient throws, so screens never look at transport types. Secret-free: only the
/// errors' `description`s (which MoltClient keeps free of bodies, tokens and secrets) are used.
public struct ConsoleFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// The headline (`Not Found`, a problem's `title`).
    public var title: String
    /// More detail (a problem's `detail`), if any.
    public var detail: String?
    /// The HTTP status when a server answered.
    public var status: Int?
    /// When the backend could not be reached at all: the readable reason (`connection refused`).
    public var unreachableReason: String?

    public init(title: String, detail: String? = nil, status: Int? = nil, unreachableReason: String? = nil) {
        self.title = title
        self.detail = detail
        self.status = status
        self.unreachableReason = unreachableReason
    }

    /// `title: detail`.
    public var description: String { detail.map { "\(title): \($0)" } ?? title }

    /// Whether the backend could not be reached (the banner, not a flash).
    public var isUnreachable: Bool { unreachableReason != nil }

    /// The failure for any error a MoltClient call throws.
    public static func from(_ error: any Error) -> ConsoleFailure {
        if let failure = error as? ConsoleFailure { return failure }
        if let api = error as? MoltAPIError {
            return ConsoleFailure(title: api.title, detail: api.detail, status: api.status)
        }
        if let transport = error as? HTTPTransportError {
            return ConsoleFailure(
                title: "Server unreachable", detail: transport.description,
                unreachableReason: reason(for: transport.code))
        }
        if let token = error as? TokenError {
            return ConsoleFailure(title: "Sign-in refused", detail: token.description, status: token.status)
        }
        if let client = error as? MoltClientError {
            if client.code == .missingCredentials {
                return ConsoleFailure(
                    title: "Not signed in", detail: "run molt login, or molt register --voucher CODE")
            }
            return ConsoleFailure(title: "Unexpected answer", detail: client.description)
        }
        if let ory = error as? OryError {
            return ConsoleFailure(
                title: "\(ory.service.rawValue.capitalized) error", detail: ory.description, status: ory.status)
        }
        if let workflows = error as? DBOSWorkflowError {
            return ConsoleFailure(title: "Workflows", detail: workflows.description)
        }
        if let postgres = error as? PostgresError {
            if postgres.code == .connection || postgres.code == .pool {
                return ConsoleFailure(
                    title: "Database unreachable", detail: postgres.description,
                    unreachableReason: "database unreachable")
            }
            if postgres.sqlState == "57014" || postgres.sqlState == "55P03" {
                return ConsoleFailure(title: "Database timed out", detail: "the statement timeout was reached")
            }
            return ConsoleFailure(title: "Database error", detail: postgres.description)
        }
        if let credentials = error as? CredentialsError {
            return ConsoleFailure(title: "Credentials", detail: credentials.description)
        }
        if error is CancellationError { return ConsoleFailure(title: "Cancelled") }
        return ConsoleFailure(title: "Failed", detail: String(describing: error))
    }

    /// A short reason for a transport failure, for the banner.
    public static func reason(for code: HTTPTransportError.Code) -> String {
        switch code {
        case .connectionRefused: "connection refused"
        case .connectTimeout, .timeout: "timed out"
        case .hostNotFound: "host not found"
        case .connectionLost: "connection lost"
        case .tlsHandshake, .tlsCertificate: "TLS failed"
        case .invalidRequest: "invalid server URL"
        case .cancelled: "cancelled"
        case .other: "request failed"
        }
    }

    /// Runs `operation`, turning any error into a failure.
    public static func catching<T: Sendable>(_ operation: () async throws -> T) async -> Result<T, ConsoleFailure> {
        do {
            return .success(try await operation())
        } catch {
            return .failure(from(error))
        }
    }
}
