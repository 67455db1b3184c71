public import Foundation

/// A screen of the console: a value `State`, the `Message`s it reacts to, a pure `update`, and a `render`.
///
/// The app owns navigation, overlays, the header, the footer and the flash line; a feature only draws its
/// body and handles its own messages. Keys reach a feature through its `bindings` (which the help overlay
/// lists), through `capturedKey` while it edits text, and through the app's global keys: `r` sends
/// `refreshMessage`, `/` edits the text returned by `filterText` and sends `filterChanged`, `tab` sends
/// `paneMessage`. A feature's effects run under its own scope and are cancelled when it is closed.
public protocol Feature: Sendable {
    associatedtype State: Equatable & Sendable
    associatedtype Message: Equatable & Sendable

    /// Its breadcrumb (`Health`, `Check #3`).
    func title(_ state: State) -> String

    /// The keys it handles now (read-only mode removes the mutating ones before use).
    func bindings(_ state: State, _ context: FeatureContext) -> [KeyBinding<Message>]

    /// Handles a message; returns the effects to perform.
    func update(_ state: inout State, _ message: Message, _ context: FeatureContext) -> [Effect<Message>]

    /// Draws the body into `rect`.
    func render(_ state: State, in rect: Rect, on screen: inout Screen, _ context: FeatureContext)

    /// Called when it becomes the visible screen (opened, or uncovered by going back).
    func appear(_ state: inout State, _ context: FeatureContext) -> [Effect<Message>]

    /// Called when another screen covers it or it is closed.
    func disappear(_ state: inout State, _ context: FeatureContext) -> [Effect<Message>]

    /// The message `r` sends (and that the app sends after the backend comes back), if it can refresh.
    func refreshMessage(_ state: State) -> Message?

    /// The current filter, or nil when it cannot be filtered with `/`.
    func filterText(_ state: State) -> String?

    /// The message carrying a new filter text.
    func filterChanged(_ text: String) -> Message?

    /// The message `tab` (next) or `shift-tab` (previous) sends, if it has panes.
    func paneMessage(next: Bool) -> Message?

    /// While it edits text, the message for every key (global keys are not applied); nil otherwise.
    func capturedKey(_ key: Key, _ state: State) -> Message?

    /// Whether a call it started is still running (the header shows a spinner).
    func isBusy(_ state: State) -> Bool
}

extension Feature {
    public func appear(_ state: inout State, _ context: FeatureContext) -> [Effect<Message>] { [] }
    public func disappear(_ state: inout State, _ context: FeatureContext) -> [Effect<Message>] { [] }
    public func refreshMessage(_ state: State) -> Message? { nil }
    public func filterText(_ state: State) -> String? { nil }
    public func filterChanged(_ text: String) -> Message? { nil }
    public func paneMessage(next: Bool) -> Message? { nil }
    public func capturedKey(_ key: Key, _ state: State) -> Message? { nil }
    public func isBusy(_ state: State) -> Bool { false }
}

/// What a feature may know about its surroundings when it updates or renders.
public struct FeatureContext: Sendable, Equatable {
    /// The size of the body area the feature draws into.
    public var bodySize: TerminalSize
    /// The theme (render only; updates must not depend on it).
    public var theme: Theme
    /// Whether mutating actions are hidden.
    public var isReadOnly: Bool
    /// The current time (from the injected clock).
    public var now: Date

    public init(bodySize: TerminalSize, theme: Theme, isReadOnly: Bool, now: Date) {
        self.bodySize = bodySize
        self.theme = theme
        self.isReadOnly = isReadOnly
        self.now = now
    }
}
