import CCurses
import Glibc

/// The ncurses terminal: starts and restores curses mode, draws cells with colour pairs, reads keys.
///
/// A thin backend: layout and diffing happen before it (`DiffRenderer`); it only turns cells into
/// `mvwadd_wch` calls and `get_wch` results into keys. Every call runs on the thread that owns the runtime.
public final class CursesTerminal: TerminalOutput {
    private let monochrome: Bool
    private let mouse: Bool
    private var window: UnsafeMutablePointer<WINDOW>?
    private var pairs: [PairKey: Int16] = [:]
    private var colours = false
    private var cursorVisible: Bool? = nil

    private struct PairKey: Hashable {
        var foreground: Int
        var background: Int
    }

    /// A backend; nothing happens to the terminal until `start()`.
    public init(monochrome: Bool, mouse: Bool) {
        self.monochrome = monochrome
        self.mouse = mouse
    }

    /// Enters curses mode: alternate screen, no echo, keypad keys, non-blocking reads, colours.
    public func start() throws(TerminalError) {
        DisplayWidth.prepareLocale()
        TerminalRestore.saveOriginalMode()
        guard let screen = initscr() else { throw TerminalError("could not initialise the terminal (is TERM set?)") }
        window = screen
        _ = cbreak()
        Self.disableFlowControl()
        _ = noecho()
        _ = nonl()
        _ = keypad(screen, true)
        _ = nodelay(screen, true)
        _ = set_escdelay(25)
        _ = curs_set(0)
        cursorVisible = false
        if !monochrome, has_colors() {
            _ = start_color()
            _ = use_default_colors()
            colours = true
        }
        if mouse {
            _ = mousemask(ccurses_wheel_up_mask() | ccurses_wheel_down_mask(), nil)
            _ = mouseinterval(0)
        }
        TerminalRestore.installCrashHandlers(mouse: mouse)
    }

    /// Turns off XON/XOFF flow control so ctrl-s and ctrl-q reach the console (ctrl-s saves in the editor)
    /// instead of freezing the terminal; `endwin` restores the shell's mode, flow control included.
    private static func disableFlowControl() {
        var mode = termios()
        guard tcgetattr(STDIN_FILENO, &mode) == 0 else { return }
        mode.c_iflag &= ~tcflag_t(IXON)
        _ = tcsetattr(STDIN_FILENO, TCSANOW, &mode)
        _ = def_prog_mode()
    }

    /// Leaves curses mode and restores the terminal as it was (safe to call twice).
    public func stop() {
        guard window != nil else { return }
        if mouse { _ = mousemask(0, nil) }
        _ = curs_set(1)
        _ = endwin()
        window = nil
    }

    /// Hands the terminal to another program (an editor): curses' mode is saved and the screen restored.
    public func suspend() {
        guard window != nil else { return }
        _ = def_prog_mode()
        _ = endwin()
    }

    /// Takes the terminal back after `suspend()`; the next frame must be painted in full.
    public func resume() {
        guard let window else { return }
        _ = reset_prog_mode()
        _ = wrefresh(window)
    }

    /// The terminal's current size.
    public var size: TerminalSize {
        guard let window else { return TerminalSize(columns: 80, rows: 24) }
        var rows: Int32 = 0
        var columns: Int32 = 0
        ccurses_getmaxyx(window, &rows, &columns)
        return TerminalSize(columns: Int(columns), rows: Int(rows))
    }

    /// Reads the size from the kernel and resizes curses' screens (after SIGWINCH).
    public func adoptKernelSize() {
        var rows: Int32 = 0
        var columns: Int32 = 0
        guard ccurses_window_size(STDOUT_FILENO, &rows, &columns) == 0, rows > 0, columns > 0 else { return }
        _ = resizeterm(rows, columns)
    }

    /// Every key waiting in the input, without blocking.
    public func readKeys() -> (keys: [Key], resized: Bool) {
        guard let window else { return ([], false) }
        var batch: [KeyDecoder.RawInput] = []
        var character: wint_t = 0
        while batch.count < 4096 {
            let status = wget_wch(window, &character)
            if status == ERR { break }
            batch.append(KeyDecoder.RawInput(isKeyCode: status == KEY_CODE_YES, value: UInt32(character)))
        }
        var keys: [Key] = []
        var resized = false
        for decoded in KeyDecoder.decode(batch) {
            switch decoded {
            case .key(let key): keys.append(key)
            case .resize: resized = true
            case .mouse: if let wheel = readWheel() { keys.append(wheel) }
            case .none: break
            }
        }
        return (keys, resized)
    }

    /// Writes bytes straight to the terminal (escape sequences such as OSC 52), after what curses drew.
    public func writeRaw(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes {
                Glibc.write(STDOUT_FILENO, $0.baseAddress! + offset, $0.count - offset)
            }
            if written <= 0 {
                if written < 0, errno == EINTR { continue }
                return
            }
            offset += written
        }
        bytes.removeAll()
    }

    // MARK: TerminalOutput

    public func draw(_ cells: ArraySlice<Cell>, row: Int, column: Int) {
        guard let window else { return }
        var x = column
        for cell in cells {
            defer { x += 1 }
            if cell.isContinuation { continue }
            var character = cchar_t()
            let attributes = attributes(cell.style.attributes)
            let pair = pair(for: cell.style)
            var scalars = cell.grapheme.unicodeScalars.prefix(5).map { wchar_t(bitPattern: $0.value) }
            scalars.append(0)
            if ccurses_setcchar(&character, scalars, attributes, pair) == ERR {
                let first: [wchar_t] = [scalars[0], 0]
                _ = ccurses_setcchar(&character, first, attributes, pair)
            }
            _ = mvwadd_wch(window, Int32(row), Int32(x), &character)
        }
    }

    public func clear() {
        guard let window else { return }
        _ = wclear(window)
    }

    public func setCursor(_ position: CellPosition?) {
        guard let window else { return }
        let visible = position != nil
        if cursorVisible != visible {
            _ = curs_set(visible ? 1 : 0)
            cursorVisible = visible
        }
        if let position { _ = wmove(window, Int32(position.row), Int32(position.column)) }
    }

    public func present() {
        guard let window else { return }
        _ = wrefresh(window)
    }

    // MARK: Colours and attributes

    private func attributes(_ attributes: TextAttributes) -> attr_t {
        var result = ccurses_a_normal()
        if attributes.contains(.bold) { result |= ccurses_a_bold() }
        if attributes.contains(.dim) { result |= ccurses_a_dim() }
        if attributes.contains(.reverse) { result |= ccurses_a_reverse() }
        if attributes.contains(.underline) { result |= ccurses_a_underline() }
        if attributes.contains(.italic) { result |= ccurses_a_italic() }
        return result
    }

    private func pair(for style: Style) -> Int16 {
        guard colours, style.foreground != nil || style.background != nil else { return 0 }
        let available = Int(ccurses_colors())
        func index(_ colour: TerminalColor?) -> Int {
            guard let colour else { return -1 }
            let wanted = colour.paletteIndex
            return wanted < available ? wanted : wanted % 8
        }
        let key = PairKey(foreground: index(style.foreground), background: index(style.background))
        if let known = pairs[key] { return known }
        let number = pairs.count + 1
        guard number < min(Int(ccurses_color_pairs()), Int(Int16.max)) else { return 0 }
        _ = init_pair(Int16(number), Int16(key.foreground), Int16(key.background))
        pairs[key] = Int16(number)
        return Int16(number)
    }

    private func readWheel() -> Key? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        if event.bstate & ccurses_wheel_up_mask() != 0 { return .wheelUp }
        if event.bstate & ccurses_wheel_down_mask() != 0 { return .wheelDown }
        return nil
    }
}

/// The terminal could not be set up.
public struct TerminalError: Error, CustomStringConvertible, Sendable {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
