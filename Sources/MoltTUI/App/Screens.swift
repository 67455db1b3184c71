/// The features behind `ScreenState`: `box(_:)` pairs a screen's state with its feature, and every other
/// method goes through that pair. Adding a screen means one line in `box(_:)` (and its cases in
/// `ScreenState`, `ScreenKind` and `ScreenMessage`).
public struct Screens: Sendable {
    public let health: HealthFeature
    public let healthCheck: HealthCheckDetailFeature
    public let about: AboutFeature

    public init(environment: ConsoleEnvironment) {
        health = HealthFeature(check: environment.healthCheck, refreshInterval: environment.refreshInterval)
        healthCheck = HealthCheckDetailFeature()
        about = AboutFeature()
    }

    /// The screen's feature and state, with its messages wrapped and unwrapped.
    func box(_ screen: ScreenState) -> ScreenBox {
        switch screen {
        case .health(let state):
            ScreenBox(health, state, ScreenState.health, ScreenMessage.health) {
                if case .health(let message) = $0 { message } else { nil }
            }
        case .healthCheck(let state):
            ScreenBox(healthCheck, state, ScreenState.healthCheck, ScreenMessage.healthCheck) {
                if case .healthCheck(let message) = $0 { message } else { nil }
            }
        case .about(let state):
            ScreenBox(about, state, ScreenState.about, ScreenMessage.about) {
                if case .about(let message) = $0 { message } else { nil }
            }
        }
    }

    public func title(_ screen: ScreenState) -> String { box(screen).title() }

    public func bindings(_ screen: ScreenState, _ context: FeatureContext) -> [KeyBinding<ScreenMessage>] {
        KeyBinding.available(box(screen).bindings(context), readOnly: context.isReadOnly)
    }

    /// Updates the screen when the message is for its kind; a message for another kind is dropped.
    public func update(_ screen: inout ScreenState, _ message: ScreenMessage, _ context: FeatureContext)
        -> [Effect<ScreenMessage>]
    {
        guard let (state, effects) = box(screen).update(message, context) else { return [] }
        screen = state
        return effects
    }

    public func render(_ screen: ScreenState, in rect: Rect, on canvas: inout Screen, _ context: FeatureContext) {
        box(screen).render(rect, &canvas, context)
    }

    public func appear(_ screen: inout ScreenState, _ context: FeatureContext) -> [Effect<ScreenMessage>] {
        let (state, effects) = box(screen).appear(context)
        screen = state
        return effects
    }

    public func disappear(_ screen: inout ScreenState, _ context: FeatureContext) -> [Effect<ScreenMessage>] {
        let (state, effects) = box(screen).disappear(context)
        screen = state
        return effects
    }

    /// The feature's optional abilities: refresh, filter, panes, key capture, busy.
    public func traits(_ screen: ScreenState) -> ScreenTraits { box(screen).traits }
}

/// One screen's feature and state behind closures, so `Screens` can treat every feature alike.
struct ScreenBox {
    let title: () -> String
    let bindings: (FeatureContext) -> [KeyBinding<ScreenMessage>]
    let update: (ScreenMessage, FeatureContext) -> (ScreenState, [Effect<ScreenMessage>])?
    let render: (Rect, inout Screen, FeatureContext) -> Void
    let appear: (FeatureContext) -> (ScreenState, [Effect<ScreenMessage>])
    let disappear: (FeatureContext) -> (ScreenState, [Effect<ScreenMessage>])
    let traits: ScreenTraits

    init<F: Feature>(
        _ feature: F, _ state: F.State, _ wrapState: @escaping (F.State) -> ScreenState,
        _ wrapMessage: @escaping @Sendable (F.Message) -> ScreenMessage,
        _ unwrapMessage: @escaping (ScreenMessage) -> F.Message?
    ) {
        title = { feature.title(state) }
        bindings = { context in feature.bindings(state, context).map { $0.map(wrapMessage) } }
        update = { message, context in
            guard let message = unwrapMessage(message) else { return nil }
            var state = state
            let effects = feature.update(&state, message, context).map { $0.map(wrapMessage) }
            return (wrapState(state), effects)
        }
        render = { rect, screen, context in feature.render(state, in: rect, on: &screen, context) }
        appear = { context in
            var state = state
            let effects = feature.appear(&state, context).map { $0.map(wrapMessage) }
            return (wrapState(state), effects)
        }
        disappear = { context in
            var state = state
            let effects = feature.disappear(&state, context).map { $0.map(wrapMessage) }
            return (wrapState(state), effects)
        }
        traits = ScreenTraits(feature, state, wrapMessage)
    }
}

/// What the app may do with the current screen beyond its bindings, wrapped into `ScreenMessage`s.
public struct ScreenTraits {
    public let refresh: ScreenMessage?
    public let filter: String?
    public let filterChanged: (String) -> ScreenMessage?
    public let nextPane: ScreenMessage?
    public let previousPane: ScreenMessage?
    public let capturedKey: (Key) -> ScreenMessage?
    public let isBusy: Bool

    init<F: Feature>(_ feature: F, _ state: F.State, _ wrap: @escaping (F.Message) -> ScreenMessage) {
        refresh = feature.refreshMessage(state).map(wrap)
        filter = feature.filterText(state)
        filterChanged = { feature.filterChanged($0).map(wrap) }
        nextPane = feature.paneMessage(next: true).map(wrap)
        previousPane = feature.paneMessage(next: false).map(wrap)
        capturedKey = { feature.capturedKey($0, state).map(wrap) }
        isBusy = feature.isBusy(state)
    }
}
