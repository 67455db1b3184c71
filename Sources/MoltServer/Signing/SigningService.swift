import Foundation
import MoltCore

/// Signing requests (spec §1.3, §3.3): an agent asks the server to witness a signature over a message with a
/// server nonce; the agent signs the payload locally and submits it; the workflow verifies and completes.
struct SigningService: Sendable {
    let requests: SigningRequestRepository
    let workflow: SigningWorkflow
    let clock: @Sendable () -> Date
    /// How long a request waits for its signature (the reference's 300 s).
    let lifetimeSeconds: Int

    static let notFound = ProblemDetails(.notFound, detail: "Signing request not found")

    func create(_ body: NewSigningRequest, by caller: AuthContext) async throws -> SigningRequest {
        let request = try await requests.create(
            agent: caller.agentID, message: body.message,
            expiresAt: clock().addingTimeInterval(TimeInterval(lifetimeSeconds)))
        try await workflow.start(request, timeout: lifetimeSeconds)
        return request
    }

    func list(_ query: SigningRequestListQuery, by caller: AuthContext) async throws -> SigningRequestList {
        let limit = query.limit ?? 20
        let offset = query.offset ?? 0
        let page = try await requests.list(agent: caller.agentID, statuses: query.status, limit: limit, offset: offset)
        return SigningRequestList(items: page.items, total: page.total, limit: limit, offset: offset)
    }

    func get(_ id: SigningRequestID, by caller: AuthContext) async throws -> SigningRequest {
        guard let request = try await requests.find(id), request.agentId == caller.agentID else { throw Self.notFound }
        return request
    }

    /// Submits a signature: expired (by status or clock) is checked before completed, as in the reference; then
    /// the row is polled every 100 ms for up to 5 s and returned as it stands (a bad signature completes with
    /// `valid: false`).
    func submit(_ signature: String, to id: SigningRequestID, by caller: AuthContext) async throws -> SigningRequest {
        let request = try await get(id, by: caller)
        if request.status == .expired || clock() >= request.expiresAt {
            throw ProblemDetails(.signingRequestExpired, detail: "Signing request has expired")
        }
        if request.status == .completed {
            throw ProblemDetails(.signingRequestAlreadyCompleted, detail: "Signing request has already been completed")
        }
        guard let workflowID = try await requests.workflowID(of: id) else { throw Self.notFound }
        try await workflow.submit(signature, to: workflowID)
        let deadline = ContinuousClock.now + .seconds(5)
        var current = request
        while current.status == .pending, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(100))
            current = try await requests.find(id) ?? current
        }
        return current
    }
}
