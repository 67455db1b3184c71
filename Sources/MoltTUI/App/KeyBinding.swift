/// One entry of a keymap: the keys, what they do (for help and the footer), and the message they send.
///
/// Screens list their bindings; the app dispatches keys through them and the help overlay shows exactly
/// these, so a key can never work without being documented. Mutating bindings disappear in read-only mode.
public struct KeyBinding<Message: Sendable>: Sendable {
    /// The keys that trigger it (the first is the one shown in the footer).
    public var keys: [Key]
    /// What it does, as shown in help (`open the check`).
    public var label: String
    /// A one-word label for the footer, or nil to keep it out of the footer.
    public var footer: String?
    /// Where help lists it.
    public var group: KeyGroup
    /// Whether it changes data on the server (hidden and disabled in read-only mode).
    public var isMutating: Bool
    /// The message sent when one of the keys is pressed.
    public var message: Message

    public init(
        _ keys: [Key], _ label: String, footer: String? = nil, group: KeyGroup = .actions, isMutating: Bool = false,
        message: Message
    ) {
        self.keys = keys
        self.label = label
        self.footer = footer
        self.group = group
        self.isMutating = isMutating
        self.message = message
    }

    /// The same binding sending a wrapped message.
    public func map<Other: Sendable>(_ transform: (Message) -> Other) -> KeyBinding<Other> {
        KeyBinding<Other>(
            keys, label, footer: footer, group: group, isMutating: isMutating, message: transform(message))
    }

    /// The keys as written in help: `j/↓` (the mouse wheel, which is optional, is left out).
    public var keysText: String {
        keys.filter { $0 != .wheelUp && $0 != .wheelDown }.map(\.displayName).joined(separator: "/")
    }

    /// Its entry in the help overlay and footer.
    public var hint: KeyHint {
        KeyHint(keys: keysText, footerKey: keys.first?.displayName ?? "", label: label, footer: footer, group: group)
    }

    /// The bindings usable now: all of them, or only the non-mutating ones in read-only mode.
    public static func available(_ bindings: [KeyBinding<Message>], readOnly: Bool) -> [KeyBinding<Message>] {
        readOnly ? bindings.filter { !$0.isMutating } : bindings
    }

    /// The standard navigation bindings (one per `Navigation`), each sending `message(navigation)`.
    public static func navigation(_ message: (Navigation) -> Message) -> [KeyBinding<Message>] {
        Navigation.allCases.map { KeyBinding($0.keys, $0.label, group: .navigation, message: message($0)) }
    }
}

/// A key's entry as the help overlay and footer show it.
public struct KeyHint: Hashable, Sendable {
    /// All its keys (`j/↓`).
    public var keys: String
    /// The key shown in the footer (`j`).
    public var footerKey: String
    /// What it does.
    public var label: String
    /// The footer's short label, if it appears there.
    public var footer: String?
    /// Where help lists it.
    public var group: KeyGroup
}

/// The sections of the help overlay, in the order shown.
public enum KeyGroup: Int, Hashable, Sendable, CaseIterable, Comparable {
    case actions, navigation, view, global

    public var title: String {
        switch self {
        case .actions: "Actions"
        case .navigation: "Navigation"
        case .view: "View"
        case .global: "Everywhere"
        }
    }

    public static func < (lhs: KeyGroup, rhs: KeyGroup) -> Bool { lhs.rawValue < rhs.rawValue }
}
