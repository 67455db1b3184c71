/// A small form drawn as a dialog over a screen: text fields and choices, `tab`/`↓` and `shift-tab`/`↑` move
/// between fields, `←`/`→` change a choice, `enter` submits, `esc` cancels.
///
/// A screen keeps a `FormState` while the form is open and routes every key to it (its `capturedKey`);
/// `purpose` says what submitting does, so one screen can have several forms.
public struct FormState<Purpose: Equatable & Sendable>: Equatable, Sendable {
    public var title: String
    public var purpose: Purpose
    public var fields: [FormField]
    /// The field with the focus.
    public var focus: Int
    /// A line under the fields explaining the form or a rejected value.
    public var note: String?
    /// The label of the submit action (`Create`).
    public var submitLabel: String

    public init(title: String, purpose: Purpose, fields: [FormField], submitLabel: String = "OK", note: String? = nil) {
        self.title = title
        self.purpose = purpose
        self.fields = fields
        self.focus = 0
        self.note = note
        self.submitLabel = submitLabel
    }

    /// What a key did.
    public enum Outcome: Equatable, Sendable {
        case edited, submitted, cancelled
    }

    /// Applies a key.
    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .tab, .down:
            focus = (focus + 1) % max(fields.count, 1)
            return .edited
        case .backTab, .up:
            focus = (focus - 1 + max(fields.count, 1)) % max(fields.count, 1)
            return .edited
        case .enter:
            return .submitted
        case .escape:
            return .cancelled
        default:
            guard fields.indices.contains(focus) else { return .edited }
            fields[focus].handle(key)
            return .edited
        }
    }

    /// The text of the field labelled `label` (trimmed), or "".
    public func text(_ label: String) -> String {
        fields.first { $0.label == label }?.value.trimmingSpaces ?? ""
    }

    /// The chosen option of the field labelled `label`, or "".
    public func choice(_ label: String) -> String { text(label) }

    /// The dialog's size for an area.
    func frame(in area: Rect) -> Rect {
        let width = min(max(area.width - 6, 30), 76)
        let height = fields.count + 4 + (note == nil ? 0 : 2)
        return area.centered(width: width, height: height)
    }

    /// Draws the form centred in `area`; returns the cursor of the focused text field.
    @discardableResult
    public func render(in area: Rect, on screen: inout Screen, theme: Theme) -> CellPosition? {
        let box = frame(in: area)
        let inside = Panel(title: title, note: "enter \(submitLabel.lowercased()) · esc cancel")
            .render(in: box, on: &screen, theme: theme).insetBy(dx: 1, dy: 0)
        guard inside.height >= 1 else { return nil }
        let labelWidth = min((fields.map { DisplayWidth.of($0.label) }.max() ?? 0) + 2, inside.width / 2)
        var cursor: CellPosition? = nil
        for (index, field) in fields.enumerated() where index + 1 < inside.height {
            let row = Rect(x: inside.x, y: inside.y + 1 + index, width: inside.width, height: 1)
            let focused = index == focus
            screen.write(
                TextLayout.fit(field.label + ":", toWidth: labelWidth), row: row.y, column: row.x,
                style: theme.style(focused ? .key : .muted), clip: row)
            let valueRect = Rect(x: row.x + labelWidth, y: row.y, width: row.width - labelWidth, height: 1)
            switch field.kind {
            case .text(let editor):
                if focused {
                    cursor = editor.render(prompt: "", in: valueRect, on: &screen, theme: theme)
                } else {
                    let shown = field.isSecret ? String(repeating: "•", count: editor.text.count) : editor.text
                    screen.write(
                        TextLayout.truncate(shown, toWidth: valueRect.width), row: row.y, column: valueRect.x,
                        style: theme.style(.input), clip: valueRect)
                }
            case .choice(let options, let selected):
                var column = valueRect.x
                for (optionIndex, option) in options.enumerated() {
                    let chosen = optionIndex == selected
                    let role: StyleRole = chosen ? (focused ? .buttonFocused : .selectedInactive) : .normal
                    column = screen.write(
                        " \(option) ", row: row.y, column: column, style: theme.style(role), clip: valueRect)
                    column += 1
                }
            }
        }
        if let note, inside.height >= fields.count + 3 {
            let lines = TextLayout.wrap(note, width: inside.width)
            for (index, line) in lines.prefix(2).enumerated() {
                screen.write(
                    line, row: inside.y + fields.count + 2 + index, column: inside.x, style: theme.style(.muted),
                    clip: inside)
            }
        }
        return cursor
    }
}

/// One field of a form: a labelled text input or a choice among options.
public struct FormField: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case text(LineEditor)
        /// Options and the index of the chosen one.
        case choice([String], Int)
    }

    public var label: String
    public var kind: Kind
    /// Whether the text is hidden when the field does not have the focus.
    public var isSecret: Bool

    /// A text field, prefilled with `value`.
    public static func text(_ label: String, _ value: String = "", secret: Bool = false) -> FormField {
        FormField(label: label, kind: .text(LineEditor(value)), isSecret: secret)
    }

    /// A choice field with `selected` chosen (the first option when it is not one of them).
    public static func choice(_ label: String, _ options: [String], selected: String? = nil) -> FormField {
        FormField(label: label, kind: .choice(options, options.firstIndex { $0 == selected } ?? 0), isSecret: false)
    }

    /// The text, or the chosen option.
    public var value: String {
        switch kind {
        case .text(let editor): editor.text
        case .choice(let options, let index): options.indices.contains(index) ? options[index] : ""
        }
    }

    /// Applies an editing key (text) or `←`/`→`/space (choice).
    public mutating func handle(_ key: Key) {
        switch kind {
        case .text(var editor):
            _ = editor.handle(key)
            kind = .text(editor)
        case .choice(let options, let index):
            guard !options.isEmpty else { return }
            switch key {
            case .left, .character("h"): kind = .choice(options, (index - 1 + options.count) % options.count)
            case .right, .character("l"), .character(" "): kind = .choice(options, (index + 1) % options.count)
            default: break
            }
        }
    }
}
