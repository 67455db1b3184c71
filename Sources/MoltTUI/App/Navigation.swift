/// A movement through a list or a text: the same keys move everywhere (vim-like and arrows).
public enum Navigation: Hashable, Sendable, CaseIterable {
    case up, down, pageUp, pageDown, halfPageUp, halfPageDown, top, bottom

    /// The standard keys for each movement: `j`/`k`/arrows, PgUp/PgDn, ctrl-b/ctrl-f, ctrl-u/ctrl-d, `g`/`G`,
    /// home/end, and the mouse wheel.
    public var keys: [Key] {
        switch self {
        case .up: [.character("k"), .up, .wheelUp]
        case .down: [.character("j"), .down, .wheelDown]
        case .pageUp: [.pageUp, .control("b")]
        case .pageDown: [.pageDown, .control("f")]
        case .halfPageUp: [.control("u")]
        case .halfPageDown: [.control("d")]
        case .top: [.character("g"), .home]
        case .bottom: [.character("G"), .end]
        }
    }

    /// What the movement does, for the help overlay.
    public var label: String {
        switch self {
        case .up: "move up"
        case .down: "move down"
        case .pageUp: "page up"
        case .pageDown: "page down"
        case .halfPageUp: "half page up"
        case .halfPageDown: "half page down"
        case .top: "go to the top"
        case .bottom: "go to the bottom"
        }
    }

    /// The new position in `0..<count` after moving from `position` with `pageSize` visible lines.
    public func apply(to position: Int, count: Int, pageSize: Int) -> Int {
        guard count > 0 else { return 0 }
        let page = max(pageSize, 1)
        let target: Int
        switch self {
        case .up: target = position - 1
        case .down: target = position + 1
        case .pageUp: target = position - page
        case .pageDown: target = position + page
        case .halfPageUp: target = position - max(page / 2, 1)
        case .halfPageDown: target = position + max(page / 2, 1)
        case .top: target = 0
        case .bottom: target = count - 1
        }
        return min(max(target, 0), count - 1)
    }
}
