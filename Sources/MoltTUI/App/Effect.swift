/// Work that `update` asks for: async operations whose results come back as messages, timers, and requests
/// to the app (navigate, flash, confirm, copy, quit).
///
/// `update` stays pure: it returns effects and the runtime performs them. An effect with an id can be
/// cancelled, and starting an effect with an id already running cancels the old one first, so a fresh
/// refresh always replaces a stale one.
public enum Effect<Message: Sendable>: Sendable, CustomStringConvertible {
    /// Runs `operation` as a task off the UI; it sends zero or more messages back.
    case run(EffectID, @Sendable (EffectSender<Message>) async -> Void)
    /// Cancels the effect (task, timer or delay) with this id, and every effect scoped under it
    /// (`cancel route3` stops all of `route3/…`).
    case cancel(EffectID)
    /// Sends `message` every `interval` until cancelled.
    case timer(EffectID, every: Duration, Message)
    /// Sends `message` once after `delay`, unless cancelled first.
    case delay(EffectID, Duration, Message)
    /// A request handled by the app itself, at once.
    case command(ConsoleCommand<Message>)

    /// Convenience for `.command(.flash(...))` and friends.
    public static func app(_ command: ConsoleCommand<Message>) -> Effect<Message> {
        .command(command)
    }

    /// The same effect producing wrapped messages, with its id placed under `scope`.
    public func map<Other: Sendable>(
        scope: String? = nil, _ transform: @escaping @Sendable (Message) -> Other
    ) -> Effect<Other> {
        switch self {
        case .run(let id, let operation):
            return .run(id.scoped(scope)) { send in
                await operation(EffectSender { send(transform($0)) })
            }
        case .cancel(let id): return .cancel(id.scoped(scope))
        case .timer(let id, let interval, let message):
            return .timer(id.scoped(scope), every: interval, transform(message))
        case .delay(let id, let delay, let message): return .delay(id.scoped(scope), delay, transform(message))
        case .command(let command): return .command(command.map(transform))
        }
    }

    /// A stable description for tests: `run health.check`, `timer health.refresh every 5.0 seconds`.
    public var description: String {
        switch self {
        case .run(let id, _): "run \(id)"
        case .cancel(let id): "cancel \(id)"
        case .timer(let id, let interval, _): "timer \(id) every \(interval)"
        case .delay(let id, let delay, _): "delay \(id) \(delay)"
        case .command(let command): command.description
        }
    }
}

/// The name of a running effect, used to cancel or replace it (`health.check`).
public struct EffectID: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    public var description: String { rawValue }

    /// This id placed under a scope (`route3/health.check`); unchanged without a scope.
    public func scoped(_ scope: String?) -> EffectID {
        guard let scope else { return self }
        return EffectID("\(scope)/\(rawValue)")
    }

    /// Whether this id lies under `scope`.
    public func isInside(_ scope: String) -> Bool {
        rawValue.hasPrefix(scope + "/")
    }
}

/// Sends messages from a running effect back to the app's message stream.
public struct EffectSender<Message: Sendable>: Sendable {
    private let sendMessage: @Sendable (Message) -> Void

    public init(_ send: @escaping @Sendable (Message) -> Void) {
        self.sendMessage = send
    }

    public func callAsFunction(_ message: Message) {
        sendMessage(message)
    }
}
