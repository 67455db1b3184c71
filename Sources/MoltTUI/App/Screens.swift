/// The features behind `ScreenState`: routes each operation to the feature of the screen's case and wraps
/// its messages and effects. The only place that switches over every screen.
public struct Screens: Sendable {
    public let health: HealthFeature
    public let healthCheck: HealthCheckDetailFeature
    public let about: AboutFeature

    public init(environment: ConsoleEnvironment) {
        health = HealthFeature(check: environment.healthCheck, refreshInterval: environment.refreshInterval)
        healthCheck = HealthCheckDetailFeature()
        about = AboutFeature()
    }

    public func title(_ screen: ScreenState) -> String {
        switch screen {
        case .health(let state): health.title(state)
        case .healthCheck(let state): healthCheck.title(state)
        case .about(let state): about.title(state)
        }
    }

    public func bindings(_ screen: ScreenState, _ context: FeatureContext) -> [KeyBinding<ScreenMessage>] {
        let all: [KeyBinding<ScreenMessage>] =
            switch screen {
            case .health(let state): health.bindings(state, context).map { $0.map(ScreenMessage.health) }
            case .healthCheck(let state): healthCheck.bindings(state, context).map { $0.map(ScreenMessage.healthCheck) }
            case .about(let state): about.bindings(state, context).map { $0.map(ScreenMessage.about) }
            }
        return KeyBinding.available(all, readOnly: context.isReadOnly)
    }

    /// Updates the screen when the message is for its kind; a message for another kind is dropped.
    public func update(_ screen: inout ScreenState, _ message: ScreenMessage, _ context: FeatureContext)
        -> [Effect<ScreenMessage>]
    {
        switch (screen, message) {
        case (.health(var state), .health(let message)):
            defer { screen = .health(state) }
            return health.update(&state, message, context).map { $0.map(ScreenMessage.health) }
        case (.healthCheck(var state), .healthCheck(let message)):
            defer { screen = .healthCheck(state) }
            return healthCheck.update(&state, message, context).map { $0.map(ScreenMessage.healthCheck) }
        case (.about(var state), .about(let message)):
            defer { screen = .about(state) }
            return about.update(&state, message, context).map { $0.map(ScreenMessage.about) }
        default:
            return []
        }
    }

    public func render(_ screen: ScreenState, in rect: Rect, on canvas: inout Screen, _ context: FeatureContext) {
        switch screen {
        case .health(let state): health.render(state, in: rect, on: &canvas, context)
        case .healthCheck(let state): healthCheck.render(state, in: rect, on: &canvas, context)
        case .about(let state): about.render(state, in: rect, on: &canvas, context)
        }
    }

    public func appear(_ screen: inout ScreenState, _ context: FeatureContext) -> [Effect<ScreenMessage>] {
        switch screen {
        case .health(var state):
            defer { screen = .health(state) }
            return health.appear(&state, context).map { $0.map(ScreenMessage.health) }
        case .healthCheck(var state):
            defer { screen = .healthCheck(state) }
            return healthCheck.appear(&state, context).map { $0.map(ScreenMessage.healthCheck) }
        case .about(var state):
            defer { screen = .about(state) }
            return about.appear(&state, context).map { $0.map(ScreenMessage.about) }
        }
    }

    public func disappear(_ screen: inout ScreenState, _ context: FeatureContext) -> [Effect<ScreenMessage>] {
        switch screen {
        case .health(var state):
            defer { screen = .health(state) }
            return health.disappear(&state, context).map { $0.map(ScreenMessage.health) }
        case .healthCheck(var state):
            defer { screen = .healthCheck(state) }
            return healthCheck.disappear(&state, context).map { $0.map(ScreenMessage.healthCheck) }
        case .about(var state):
            defer { screen = .about(state) }
            return about.disappear(&state, context).map { $0.map(ScreenMessage.about) }
        }
    }

    /// The feature's optional abilities: refresh, filter, panes, key capture, busy.
    public func traits(_ screen: ScreenState) -> ScreenTraits {
        switch screen {
        case .health(let state): ScreenTraits(health, state, ScreenMessage.health)
        case .healthCheck(let state): ScreenTraits(healthCheck, state, ScreenMessage.healthCheck)
        case .about(let state): ScreenTraits(about, state, ScreenMessage.about)
        }
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
