/// Every screen the console can show, with its state: one case per feature.
///
/// Adding a screen: add a case here and in `ScreenMessage`, and a line in each switch of `Screens`.
public enum ScreenState: Equatable, Sendable {
    case health(HealthState)
    case healthCheck(HealthCheckDetailState)
    case about(AboutState)

    /// Which screen it is (for commands that must find a screen of a kind in the stack).
    public var kind: ScreenKind {
        switch self {
        case .health: .health
        case .healthCheck: .healthCheck
        case .about: .about
        }
    }
}

/// The kinds of screens.
public enum ScreenKind: String, Hashable, Sendable {
    case health, healthCheck, about
}

/// A message for one screen: one case per feature.
public enum ScreenMessage: Equatable, Sendable {
    case health(HealthMessage)
    case healthCheck(HealthCheckDetailMessage)
    case about(AboutMessage)
}

/// A screen in the navigation stack, with the id its effects are scoped under.
public struct RouteEntry: Equatable, Sendable {
    public var id: Int
    public var screen: ScreenState

    public init(id: Int, screen: ScreenState) {
        self.id = id
        self.screen = screen
    }

    /// The scope of its effects (`route3`).
    public var scope: String { "route\(id)" }
}
