/// What a piece of text means on screen; a `Theme` decides how each role looks.
///
/// Widgets ask for roles, never for colours, so the whole console switches between colour and monochrome
/// (`NO_COLOR`) in one place.
public enum StyleRole: Hashable, Sendable, CaseIterable {
    /// Ordinary text.
    case normal
    /// The header bar's background and text.
    case header
    /// Emphasised text in the header (the app name, the mode).
    case headerAccent
    /// The breadcrumbs line.
    case breadcrumb
    /// A screen or panel title.
    case title
    /// Column headings of a table.
    case tableHeader
    /// The selected row or item.
    case selected
    /// The selected row of a panel that does not have the focus.
    case selectedInactive
    /// Errors and failures.
    case error
    /// Successes.
    case success
    /// Warnings and things that need attention.
    case warning
    /// Secondary information (timestamps, hints).
    case muted
    /// A key name in the footer or help (`q`, `enter`).
    case key
    /// Box borders.
    case border
    /// The banner shown when the backend is unreachable.
    case banner
    /// Text the user is typing.
    case input
    /// Text matching the current filter.
    case match
    /// A dialog's body.
    case dialog
    /// The focused button of a dialog.
    case buttonFocused
}
