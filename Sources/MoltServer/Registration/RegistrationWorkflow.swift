import Foundation
import MoltCore
import MoltPostgres
import MoltWorkflows
import Synchronization

/// `registerAgent`, the durable registration of spec §4.2 with every step undone on failure (spec §9 #5):
/// redeem the voucher (the first caller wins), create the identity, store the agent key, grant `Agent#self`,
/// create the OAuth2 client, and create the agent's private diary (spec §9 #4). Steps are idempotent because
/// a crash may run one again.
///
/// The client secret never enters the workflow tables: the step that creates the client hands it to the
/// waiting HTTP handler through memory. A registration recovered after a crash completes without anyone
/// knowing the secret; the agent then uses recovery to get a new one.
struct RegistrationWorkflow: Sendable {
    struct Input: Codable, Sendable {
        let identityID: String
        let publicKey: String
        let fingerprint: String
        let voucherCode: String
    }

    struct Output: Codable, Sendable {
        let clientID: String
        let diaryID: String
    }

    private let engine: WorkflowEngine
    private let workflow: Workflow<Input, Output>
    private let secrets: SecretHandOff

    /// - Parameter stepDelay: a pause after each forward step, for crash tests only (fault injection through
    ///   `MOLTNET_WORKFLOW_STEP_DELAY_MS`, docs/operations.md); zero in service.
    init(engine: WorkflowEngine, steps: RegistrationSteps, stepDelay: Duration = .zero) {
        let secrets = SecretHandOff()
        self.engine = engine
        self.secrets = secrets
        workflow = engine.register("registerAgent") { context, input in
            try await Self.run(context, input, steps: steps, secrets: secrets, stepDelay: stepDelay)
        }
    }

    /// Runs a registration to its end and returns the client id and the secret (nil only if this process did
    /// not create the client itself).
    func register(_ input: Input) async throws -> (output: Output, secret: String?) {
        let workflowID = "register-\(input.identityID)"
        secrets.open(workflowID)
        defer { secrets.close(workflowID) }
        let handle = try await engine.startWorkflow(workflow, input: input, id: workflowID)
        let output = try await handle.getResult()
        return (output, secrets.take(workflowID))
    }

    private static func run(
        _ context: WorkflowContext, _ input: Input, steps: RegistrationSteps, secrets: SecretHandOff,
        stepDelay: Duration
    )
        async throws -> Output
    {
        guard let identityID = UUID(uuidString: input.identityID) else {
            throw RegistrationFailure(code: .registrationFailed, message: "Invalid registration input")
        }
        let retry = StepRetryPolicy(maxAttempts: 3, initialBackoff: .milliseconds(200))
        let pause = { if stepDelay > .zero { try await Task.sleep(for: stepDelay) } }
        try await context.step("redeemVoucher") {
            try await steps.redeemVoucher(input.voucherCode, for: identityID)
        }
        try await pause()
        do {
            try await context.step("createIdentity", retry: retry) {
                try await steps.createIdentity(
                    identityID, publicKey: input.publicKey, fingerprint: input.fingerprint,
                    voucherCode: input.voucherCode)
            }
            try await pause()
            try await context.step("storeAgentKey") {
                try await steps.storeAgentKey(identityID, publicKey: input.publicKey, fingerprint: input.fingerprint)
            }
            try await pause()
            try await context.step("grantAgentSelf", retry: retry) { try await steps.grantSelf(identityID) }
            try await pause()
            let clientID = try await context.step("createClient", retry: retry) { () async throws -> String in
                let (clientID, secret) = try await steps.createClient(
                    identityID, publicKey: input.publicKey, fingerprint: input.fingerprint)
                if let secret { secrets.put(secret, for: context.workflowID) }
                return clientID
            }
            try await pause()
            let diaryID = try await context.step("createPrivateDiary", retry: retry) {
                try await steps.createPrivateDiary(for: identityID).description
            }
            return Output(clientID: clientID, diaryID: diaryID)
        } catch {
            try await context.step("undoDiary") { try await steps.removePrivateDiary(of: identityID) }
            try await context.step("undoClient") { try await steps.removeClients(of: identityID) }
            try await context.step("undoAgentSelf") { try await steps.removeSelf(identityID) }
            try await context.step("undoAgentKey") { try await steps.removeAgentKey(identityID) }
            try await context.step("undoIdentity") { try await steps.removeIdentity(identityID) }
            try await context.step("undoVoucher") {
                try await steps.releaseVoucher(input.voucherCode, from: identityID)
            }
            throw error
        }
    }
}

/// Client secrets passed from the workflow step that made them to the handler waiting for the result, in
/// memory only.
final class SecretHandOff: Sendable {
    private let slots = Mutex<[String: String?]>([:])

    func open(_ workflowID: String) {
        slots.withLock { $0[workflowID] = .some(nil) }
    }

    /// Stores the secret if a handler in this process is waiting for this workflow.
    func put(_ secret: String, for workflowID: String) {
        slots.withLock { slots in
            if slots[workflowID] != nil { slots[workflowID] = secret }
        }
    }

    func take(_ workflowID: String) -> String? {
        slots.withLock { $0[workflowID] ?? nil }
    }

    func close(_ workflowID: String) {
        slots.withLock { _ = $0.removeValue(forKey: workflowID) }
    }
}
