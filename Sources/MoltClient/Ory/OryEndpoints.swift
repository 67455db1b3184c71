/// Where each Ory API lives: Kratos admin and public, Hydra admin, Keto read and write.
///
/// MoltNet's admin listener (127.0.0.1:8001) and Ory Network serve all of them under one URL
/// (``init(adminURL:)``); self-hosted Ory uses one port per API (4434, 4433, 4445, 4466, 4467).
public struct OryEndpoints: Sendable, Equatable {
    public var kratosAdmin: String
    /// Kratos's public API, for `GET /schemas` (Kratos redirects it away from the admin port).
    public var kratosPublic: String
    public var hydraAdmin: String
    public var ketoRead: String
    public var ketoWrite: String

    /// Every API under one base URL.
    public init(adminURL: String) {
        self.init(
            kratosAdmin: adminURL, kratosPublic: adminURL, hydraAdmin: adminURL, ketoRead: adminURL, ketoWrite: adminURL
        )
    }

    /// One base URL per API; a trailing `/` is trimmed.
    public init(kratosAdmin: String, kratosPublic: String, hydraAdmin: String, ketoRead: String, ketoWrite: String) {
        self.kratosAdmin = APIBaseURL.trimmed(kratosAdmin)
        self.kratosPublic = APIBaseURL.trimmed(kratosPublic)
        self.hydraAdmin = APIBaseURL.trimmed(hydraAdmin)
        self.ketoRead = APIBaseURL.trimmed(ketoRead)
        self.ketoWrite = APIBaseURL.trimmed(ketoWrite)
    }

    /// The endpoints MoltNet's configuration names: `ORY_KRATOS_ADMIN_URL`, `ORY_KRATOS_PUBLIC_URL`,
    /// `ORY_HYDRA_ADMIN_URL`, `ORY_KETO_READ_URL`, `ORY_KETO_WRITE_URL`, each falling back to
    /// `ORY_PROJECT_URL`, then to `fallback` (MoltNet's admin listener by default). nil when an API has none.
    public init?(environment: [String: String], fallback: String? = "http://127.0.0.1:8001") {
        func value(_ name: String) -> String? {
            [environment[name], environment["ORY_PROJECT_URL"], fallback].compactMap { $0 }.first { !$0.isEmpty }
        }
        guard let kratosAdmin = value("ORY_KRATOS_ADMIN_URL"), let kratosPublic = value("ORY_KRATOS_PUBLIC_URL"),
            let hydraAdmin = value("ORY_HYDRA_ADMIN_URL"), let ketoRead = value("ORY_KETO_READ_URL"),
            let ketoWrite = value("ORY_KETO_WRITE_URL")
        else { return nil }
        self.init(
            kratosAdmin: kratosAdmin, kratosPublic: kratosPublic, hydraAdmin: hydraAdmin, ketoRead: ketoRead,
            ketoWrite: ketoWrite)
    }
}
