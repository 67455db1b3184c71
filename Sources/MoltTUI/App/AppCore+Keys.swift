extension AppCore {
    /// Routes a key: the too-small screen, an overlay, the filter line, the screen's own keys, then global keys.
    func handleKey(_ key: Key, _ state: inout AppState) -> [Effect<AppMessage>] {
        if state.isTooSmall {
            guard key == .character("q") else { return [] }
            return perform(.quit, &state)
        }
        if let overlay = state.overlay {
            return handleOverlayKey(key, overlay, &state)
        }
        if let editor = state.filterEditor {
            return handleFilterKey(key, editor, &state)
        }
        guard let top = state.top else { return [] }
        // ctrl-c always quits, even while a screen takes every key (an editor, a form).
        if key == .control("c") { return perform(.quit, &state) }
        let traits = screens.traits(top.screen)
        if let captured = traits.capturedKey(key) {
            return dispatch(captured, to: top.id, &state)
        }
        if let binding = screens.bindings(top.screen, featureContext(state)).first(where: { $0.keys.contains(key) }) {
            return dispatch(binding.message, to: top.id, &state)
        }
        if let binding = globalBindings(state).first(where: { $0.keys.contains(key) }) {
            return perform(binding.message, &state)
        }
        return []
    }

    /// Does what a global key means.
    func perform(_ action: GlobalAction, _ state: inout AppState) -> [Effect<AppMessage>] {
        let top = state.top
        let traits = top.map { screens.traits($0.screen) }
        switch action {
        case .quit:
            state.exitStatus = 0
            return [.command(.quit)]
        case .help:
            state.overlay = .help(HelpOverlayState())
            return []
        case .commandLine:
            state.overlay = .commandLine(CommandLineState(names: commandNames))
            return []
        case .filter:
            state.filterEditor = LineEditor(traits?.filter ?? "")
            return []
        case .back:
            return pop(&state)
        case .clearFilter:
            guard let top, let message = traits?.filterChanged("") else { return [] }
            return dispatch(message, to: top.id, &state)
        case .refresh:
            if state.backend.outage != nil { return retryBackend(&state) }
            guard let top, let message = traits?.refresh else { return [] }
            return dispatch(message, to: top.id, &state)
        case .nextPane, .previousPane:
            guard let top, let message = action == .nextPane ? traits?.nextPane : traits?.previousPane else {
                return []
            }
            return dispatch(message, to: top.id, &state)
        case .redraw:
            return [.command(.redraw)]
        }
    }

    private func handleOverlayKey(_ key: Key, _ overlay: Overlay, _ state: inout AppState) -> [Effect<AppMessage>] {
        switch overlay {
        case .help(var help):
            let frame = HelpOverlayState.frame(in: overlayArea(state)).insetBy(dx: 1, dy: 1)
            let lines = TextView(
                paragraphs: HelpOverlayState.lines(hints: keyHints(state), filter: help.filter),
                scroll: help.scroll
            ).lineCount(width: frame.width)
            switch help.handle(key, lineCount: lines, pageSize: frame.height - 1) {
            case .handled: state.overlay = .help(help)
            case .closed: state.overlay = nil
            }
            return []
        case .commandLine(var commandLine):
            switch commandLine.handle(key, names: commandNames, history: state.commandHistory) {
            case .edited, .ignored:
                state.overlay = .commandLine(commandLine)
                return []
            case .cancelled:
                state.overlay = nil
                return []
            case .submitted(let text):
                state.overlay = nil
                guard !text.isEmpty else { return [] }
                if state.commandHistory.last != text { state.commandHistory.append(text) }
                return execute(command: text, &state)
            }
        case .confirm(var dialog):
            switch dialog.handle(key) {
            case .handled:
                state.overlay = .confirm(dialog)
                return []
            case .cancelled:
                state.overlay = nil
                return []
            case .confirmed:
                state.overlay = nil
                return update(&state, dialog.request.message)
            }
        }
    }

    private func handleFilterKey(_ key: Key, _ editor: LineEditor, _ state: inout AppState) -> [Effect<AppMessage>] {
        var editor = editor
        guard let top = state.top else { return [] }
        let traits = screens.traits(top.screen)
        switch editor.handle(key) {
        case .edited:
            state.filterEditor = editor
            return traits.filterChanged(editor.text).map { dispatch($0, to: top.id, &state) } ?? []
        case .moved:
            state.filterEditor = editor
            return []
        case .submitted:
            state.filterEditor = nil
            return []
        case .cancelled:
            state.filterEditor = nil
            return traits.filterChanged("").map { dispatch($0, to: top.id, &state) } ?? []
        case .ignored:
            // Keys a line editor does not use (↑, ↓, PgUp…) still move through the filtered list.
            guard
                let binding = screens.bindings(top.screen, featureContext(state)).first(where: { $0.keys.contains(key) }
                )
            else { return [] }
            return dispatch(binding.message, to: top.id, &state)
        }
    }

    /// The area overlays are drawn in: between the header and the footer.
    func overlayArea(_ state: AppState) -> Rect {
        let layout = AppLayout(state)
        let top = layout.header.maxY
        return Rect(x: 0, y: top, width: state.size.columns, height: layout.footer.y - top)
    }
}
