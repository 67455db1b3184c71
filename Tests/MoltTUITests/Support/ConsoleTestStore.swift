import Foundation
import MoltTestSupport
import Testing

@testable import MoltTUI

/// TCA-style driver for `AppCore`: send a message, state the exact expected change and effects.
struct ConsoleTestStore {
    let core: AppCore
    private(set) var state: AppState

    init(core: AppCore, state: AppState) {
        self.core = core
        self.state = state
    }

    /// Sends `message`; the new state must equal the old one changed by `change`, and the effects'
    /// descriptions must equal `effects`. Returns the effects so a test can run them.
    @discardableResult
    mutating func send(
        _ message: AppMessage, effects expectedEffects: [String], sourceLocation: SourceLocation = #_sourceLocation,
        _ change: (inout AppState) -> Void = { _ in }
    ) -> [Effect<AppMessage>] {
        var expected = state
        change(&expected)
        let effects = core.update(&state, message)
        if state != expected {
            let diff =
                ValueDiff.describe(expected, state) ?? "(the states differ in a way their descriptions do not show)"
            Issue.record(Comment(rawValue: "state after \(message) differs:\n\(diff)"), sourceLocation: sourceLocation)
        }
        #expect(
            effects.map(\.description) == expectedEffects, "effects after \(message)", sourceLocation: sourceLocation)
        return effects
    }

    /// Sends a message without stating what it changes (for tests that only look at part of the result).
    @discardableResult
    mutating func exercise(_ message: AppMessage) -> [Effect<AppMessage>] {
        core.update(&state, message)
    }

    /// Sends keys without stating what they change (typing into a form, say).
    mutating func tap(_ keys: Key...) {
        for key in keys { _ = core.update(&state, .keyPressed(key)) }
    }

    /// Sends a key.
    @discardableResult
    mutating func press(
        _ key: Key, effects: [String] = [], sourceLocation: SourceLocation = #_sourceLocation,
        _ change: (inout AppState) -> Void = { _ in }
    ) -> [Effect<AppMessage>] {
        send(.keyPressed(key), effects: effects, sourceLocation: sourceLocation, change)
    }
}

extension AppState {
    /// The health screen's state at the bottom of the stack (fails the test when it is not there).
    var health: HealthState {
        get {
            guard case .health(let health) = stack.first?.screen else {
                Issue.record("the first screen is not Health")
                return HealthState(serverURL: "")
            }
            return health
        }
        set { stack[0].screen = .health(newValue) }
    }
}

/// Messages sent by running a `run` effect to completion.
func messages(from effect: Effect<AppMessage>) async -> [AppMessage] {
    guard case .run(_, let operation) = effect else { return [] }
    let collected = MessageCollector()
    await operation(EffectSender { collected.append($0) })
    return collected.messages
}

/// Collects messages from an effect (effects send from other tasks).
final class MessageCollector: Sendable {
    private let storage = MutexBox<[AppMessage]>([])

    func append(_ message: AppMessage) { storage.mutate { $0.append(message) } }
    var messages: [AppMessage] { storage.value }
}

/// A tiny lock box for tests.
final class MutexBox<Value: Sendable>: @unchecked Sendable {
    // Guarded by `lock`.
    private var stored: Value
    private let lock = NSLock()

    init(_ value: Value) { stored = value }

    var value: Value { lock.withLock { stored } }
    func mutate(_ change: (inout Value) -> Void) { lock.withLock { change(&stored) } }
}
