public import MoltCore

/// An agent looked up by fingerprint, and the last signature checked against it.
public struct AgentLookup: Equatable, Sendable {
    public var profile: AgentProfile
    /// The last signature verified for this agent, and whether it was valid.
    public var verification: SignatureCheck?

    public init(profile: AgentProfile, verification: SignatureCheck? = nil) {
        self.profile = profile
        self.verification = verification
    }
}

/// A signature checked with `POST /agents/{fingerprint}/verify`.
public struct SignatureCheck: Equatable, Sendable {
    public var signature: String
    public var valid: Bool
}

/// The Agents screen's state: the agents looked up so far (newest first) and an open form.
public struct AgentsState: Equatable, Sendable {
    public var list: ListState<AgentLookup>
    public var form: FormState<AgentsForm>?
    public var isBusy: Bool
    /// A fingerprint to look up when the screen opens (`:agent XXXX-…`).
    public var pending: String?

    public init(lookup fingerprint: String? = nil) {
        list = ListState()
        form = nil
        isBusy = false
        pending = fingerprint
    }
}

/// What an Agents form does.
public enum AgentsForm: Equatable, Sendable {
    case lookup
    case verify(Fingerprint)
}

/// What happens on the Agents screen.
public enum AgentsMessage: Equatable, Sendable {
    case lookupRequested
    case verifyRequested
    case formKey(Key)
    case lookedUp(Result<AgentProfile, ConsoleFailure>)
    case verified(Result<VerifyResult, ConsoleFailure>, fingerprint: Fingerprint, signature: String)
    case navigated(Navigation)
    case filterChanged(String)
    case keyCopied
    case opened
    case refreshRequested
    case refreshed(Result<[AgentProfile], ConsoleFailure>)
    case sortCycled
    case sortReversed
}
