public import Foundation
public import MoltCore

/// The signing requests screen's state: the agent's requests (newest first), the status shown, the form
/// creating one, and the last local signature with the server's verification.
public struct SigningState: Equatable, Sendable {
    public var list: ListState<SigningRequest>
    /// Only requests in this status (asked of the server), or all.
    public var status: SigningRequestStatus?
    public var form: FormState<SigningForm>?
    public var isSaving: Bool
    /// The request being signed.
    public var signing: SigningRequestID?
    /// The last signature made here and what the server said about it.
    public var lastSigned: SignedRequest?
    public var total: Int

    public init(status: SigningRequestStatus? = nil) {
        list = ListState()
        self.status = status
        form = nil
        isSaving = false
        signing = nil
        lastSigned = nil
        total = 0
    }

    /// Whether a request can still be signed at `now`.
    public static func isSignable(_ request: SigningRequest, now: Date) -> Bool {
        request.status == .pending && request.expiresAt > now
    }

    /// Whether a request is expired at `now` (marked so even before the server's workflow notices).
    public static func isExpired(_ request: SigningRequest, now: Date) -> Bool {
        request.status == .expired || (request.status == .pending && request.expiresAt <= now)
    }
}

/// The one form of the signing screen.
public enum SigningForm: Equatable, Sendable {
    case create
}

/// What happens on the signing requests screen.
public enum SigningMessage: Equatable, Sendable {
    case refreshRequested
    case loaded(Result<SigningRequestList, ConsoleFailure>)
    case navigated(Navigation)
    case filterChanged(String)
    case sortCycled
    case sortReversed
    case statusCycled
    case createRequested
    case formKey(Key)
    case created(Result<SigningRequest, ConsoleFailure>)
    case signRequested
    case signed(Result<SignedRequest, ConsoleFailure>)
    case opened
    case signatureCopied
}
