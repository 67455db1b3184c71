public import MoltCore

/// The Home screen's state: who the agent is, what waits for it, and which pane has the focus.
public struct HomeState: Equatable, Sendable {
    /// The fingerprint from the credentials file, shown until `whoami` answers.
    public var identityHint: String
    public var overview: HomeOverview?
    public var isLoading: Bool
    public var failure: ConsoleFailure?
    public var focus: HomePane
    public var invitations: TableViewport
    public var vouchers: TableViewport
    /// The invitation being accepted or declined.
    public var answering: ShareID?

    public init(identityHint: String) {
        self.identityHint = identityHint
        overview = nil
        isLoading = false
        failure = nil
        focus = .invitations
        invitations = TableViewport()
        vouchers = TableViewport()
        answering = nil
    }

    /// The selected pending invitation.
    public var selectedInvitation: Invitation? {
        guard let list = overview?.invitations, !list.isEmpty else { return nil }
        return list[min(invitations.selected, list.count - 1)]
    }
}

/// What Home shows, read in one go: `whoami`, diaries, invitations, vouchers, signing requests.
public struct HomeOverview: Equatable, Sendable {
    public var whoami: Whoami
    public var diaryCount: Int
    public var invitations: [Invitation]
    public var vouchers: [Voucher]
    public var pendingSigning: Int
    /// Whether this machine holds the agent's private key.
    public var canSign: Bool

    public init(
        whoami: Whoami, diaryCount: Int, invitations: [Invitation], vouchers: [Voucher], pendingSigning: Int,
        canSign: Bool
    ) {
        self.whoami = whoami
        self.diaryCount = diaryCount
        self.invitations = invitations
        self.vouchers = vouchers
        self.pendingSigning = pendingSigning
        self.canSign = canSign
    }
}

/// Home's panes.
public enum HomePane: Equatable, Sendable {
    case invitations, vouchers
}

/// Screens Home jumps to with one key.
public enum HomeShortcut: Equatable, Sendable {
    case diaries, invitations, vouchers, signing, feed, search
}

/// What happens on Home.
public enum HomeMessage: Equatable, Sendable {
    case refreshRequested
    case loaded(Result<HomeOverview, ConsoleFailure>)
    case navigated(Navigation)
    case paneSwitched
    /// `enter`: open the selected pane's screen.
    case opened
    case acceptRequested
    case declineRequested
    case answered(Result<DiaryShare, ConsoleFailure>, accepted: Bool)
    case jumped(HomeShortcut)
}
