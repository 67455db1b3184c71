/// Where the console's parts go on a screen of a given size: header, banner, body, status line, footer.
public struct AppLayout: Hashable, Sendable {
    public let header: Rect
    public let banner: Rect?
    public let body: Rect
    /// The flash line, or the filter or command line while typing.
    public let status: Rect
    public let footer: Rect

    public init(size: TerminalSize, showsBanner: Bool) {
        let all = Rect(size: size)
        let top = all.splitTop(HeaderBar.height)
        header = top.top
        var rest = top.rest
        if showsBanner {
            let split = rest.splitTop(1)
            banner = split.top
            rest = split.rest
        } else {
            banner = nil
        }
        let bottom = rest.splitBottom(1)
        footer = bottom.bottom
        let middle = bottom.rest.splitBottom(1)
        status = middle.bottom
        body = middle.rest
    }

    /// The layout for a state.
    public init(_ state: AppState) {
        self.init(size: state.size, showsBanner: state.backend.outage != nil)
    }
}
