import Foundation
import MoltCore
import MoltWorkflows

/// The durable life of a signing request (spec §1.3): wait up to the request's lifetime for a signature sent
/// to it, then verify it against the agent's current key and complete the request, or expire it. A server
/// restart keeps the original deadline because the wait is recorded in the workflow.
struct SigningWorkflow: Sendable {
    struct Input: Codable, Sendable {
        let requestID: String
        let timeoutSeconds: Int
    }

    /// What the HTTP handler sends to the workflow.
    struct Submission: Codable, Sendable {
        let signature: String
    }

    static let topic = "signature"

    let engine: WorkflowEngine
    let workflow: Workflow<Input, String>

    init(
        engine: WorkflowEngine, requests: SigningRequestRepository, agents: AgentKeyRepository,
        clock: @escaping @Sendable () -> Date
    ) {
        self.engine = engine
        workflow = engine.register("signingRequest") { context, input in
            guard let id = SigningRequestID(input.requestID) else { return "invalid" }
            let submission = try await context.recv(
                Submission.self, topic: Self.topic, timeout: .seconds(input.timeoutSeconds))
            guard let submission else {
                try await context.step("expire") { try await requests.expire(id) }
                return "expired"
            }
            let valid = try await context.step("verify") {
                guard let request = try await requests.find(id),
                    let agent = try await agents.find(identity: request.agentId)
                else { return false }
                return SignatureVerifier.isValid(submission.signature, for: request, publicKey: agent.publicKey)
            }
            try await context.step("complete") {
                try await requests.complete(id, signature: submission.signature, valid: valid, at: clock())
            }
            return valid ? "valid" : "invalid"
        }
    }

    /// Starts the workflow of a new request (after its row committed).
    func start(_ request: SigningRequest, timeout: Int) async throws {
        _ = try await engine.startWorkflow(
            workflow, input: Input(requestID: request.id.description, timeoutSeconds: timeout),
            id: SigningRequestRepository.workflowID(request.id))
    }

    /// Hands a signature to the waiting workflow; a repeated submission for the same request is ignored.
    func submit(_ signature: String, to workflowID: String) async throws {
        try await engine.send(
            Submission(signature: signature), to: workflowID, topic: Self.topic,
            idempotencyKey: "\(workflowID)-signature")
    }
}
