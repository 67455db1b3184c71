extension AppCore {
    /// Draws the whole console for a state at a size: header, banner, the screen's body, the status line,
    /// the footer, and any overlay on top. Pure: the same state and size give the same cells.
    public func render(_ state: AppState, size: TerminalSize) -> Screen {
        var state = state
        state.size = size
        let theme = state.theme
        var screen = Screen(size: size, fill: Cell.blank(theme.style(.normal)))
        if state.isTooSmall {
            TooSmallMessage(size: size, minimum: AppState.minimumSize).render(on: &screen, theme: theme)
            return screen
        }
        let layout = AppLayout(state)
        let traits = state.top.map { screens.traits($0.screen) }
        let busy = (traits?.isBusy ?? false) || (state.backend.outage?.isRetrying ?? false)
        let spinner = busy ? Spinner.frame(state.animationFrame) : nil

        HeaderBar(
            mode: state.session.mode.rawValue, identity: state.session.identity, server: state.session.serverURL,
            isReadOnly: state.session.isReadOnly, breadcrumbs: state.stack.map { screens.title($0.screen) },
            spinner: spinner, filter: traits?.filter
        ).render(in: layout.header, on: &screen, theme: theme)

        if let banner = layout.banner, let outage = state.backend.outage {
            BackendBanner(outage: outage, now: state.now, spinner: spinner).render(
                in: banner, on: &screen, theme: theme)
        }
        if let top = state.top {
            screens.render(top.screen, in: layout.body, on: &screen, featureContext(state))
        }

        var cursor: CellPosition? = nil
        if let editor = state.filterEditor {
            cursor = editor.render(prompt: "/", in: layout.status, on: &screen, theme: theme)
        } else if case .commandLine(let commandLine) = state.overlay {
            cursor = commandLine.render(
                in: layout.status, maximumRows: min(8, layout.body.height), on: &screen, theme: theme)
        } else if let flash = state.flash {
            FlashLine(flash: flash).render(in: layout.status, on: &screen, theme: theme)
        }
        let hints = keyHints(state)
        let pinnedKeys: Set<String> = ["?", "q", "ctrl-c"]
        FooterHints(
            hints: hints.filter { !($0.group == .global && pinnedKeys.contains($0.footerKey)) },
            pinned: hints.filter { $0.group == .global && pinnedKeys.contains($0.footerKey) }
        ).render(in: layout.footer, on: &screen, theme: theme)

        switch state.overlay {
        case .help(let help):
            let title = state.top.map { screens.title($0.screen) } ?? "molt"
            cursor = help.render(
                title: title, hints: keyHints(state), in: overlayArea(state), on: &screen, theme: theme)
        case .confirm(let dialog):
            dialog.render(in: layout.body, on: &screen, theme: theme)
        case .commandLine, nil:
            break
        }
        // A screen may place the cursor (a form's field); the app's own inputs and overlays take it over.
        if state.overlay != nil || state.filterEditor != nil { screen.cursor = cursor }
        return screen
    }
}
