import Foundation
import MoltClient
import MoltCore
import MoltServer

/// An agent made by genesis bootstrap on the in-process server, with a MoltClient signed in as it.
struct BenchAgent {
    let client: MoltAPIClient

    init(_ application: Application, name: String) async throws {
        let agent = try await application.identity.genesis.bootstrap(
            name: name, publicKey: Ed25519PrivateKey.generate().publicKey.wireValue)
        guard let secret = agent.clientSecret else { throw BenchError("genesis returned no client secret") }
        client = MoltAPIClient(
            baseURL: "http://127.0.0.1:\(application.port)",
            credentials: ClientCredentials(clientID: agent.clientID, clientSecret: Secret(secret)))
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

/// A PostgreSQL URL with another database name.
enum BenchDatabaseURL {
    static func replacingDatabase(_ serverURL: String, with database: String) -> String {
        guard let scheme = serverURL.range(of: "://"),
            let slash = serverURL.range(of: "/", options: .backwards, range: scheme.upperBound..<serverURL.endIndex)
        else { return serverURL + "/" + database }
        let query = serverURL[slash.upperBound...].firstIndex(of: "?").map { String(serverURL[$0...]) } ?? ""
        return String(serverURL[..<slash.upperBound]) + database + query
    }
}
