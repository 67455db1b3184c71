import Foundation
import MoltClient
import MoltCore

/// The agents the identity service knows (Kratos identities over the admin API), with each one's
/// fingerprint computed from its public key trait.
struct AgentDirectory: Sendable {
    let kratos: KratosAdminClient

    /// One agent as listed.
    struct Agent: Encodable, Sendable {
        let identityId: String
        let fingerprint: String
        let publicKey: String
        let state: String
        /// `genesis` for agents made by bootstrap, `voucher` for agents that registered with one.
        let kind: String
        let createdAt: Date?
        let stateChangedAt: Date?

        init(_ identity: KratosIdentity) {
            identityId = identity.id.uuidString.lowercased()
            publicKey = identity.trait("public_key") ?? ""
            fingerprint = (try? Ed25519PublicKey(parsing: publicKey, requirePrefix: false))?.fingerprint.value ?? "-"
            state = identity.state?.rawValue ?? "active"
            kind = identity.trait("voucher_code") == "genesis-bootstrap" ? "genesis" : "voucher"
            createdAt = identity.createdAt
            stateChangedAt = identity.stateChangedAt
        }
    }

    /// Every identity, oldest first, following the pages.
    func all() async throws -> [Agent] {
        var agents: [Agent] = []
        var token: String?
        repeat {
            let page = try await kratos.identities(pageSize: 500, pageToken: token)
            agents += page.items.map(Agent.init)
            token = page.nextPageToken
        } while token != nil
        return agents
    }

    /// The agent an operator named by identity id or fingerprint.
    func find(_ reference: String) async throws -> Agent {
        if let id = UUID(uuidString: reference) {
            do {
                return Agent(try await kratos.identity(id))
            } catch let error as OryError where error.status == 404 {
                throw AdminFailure("no agent with identity id \(reference.lowercased())")
            }
        }
        guard Fingerprint.isWellFormed(reference) else {
            throw AdminFailure(
                "'\(reference)' is neither an identity id (UUID) nor a fingerprint (XXXX-XXXX-XXXX-XXXX)")
        }
        let wanted = reference.uppercased()
        guard let agent = try await all().first(where: { $0.fingerprint == wanted }) else {
            throw AdminFailure("no agent with fingerprint \(wanted)")
        }
        return agent
    }
}
