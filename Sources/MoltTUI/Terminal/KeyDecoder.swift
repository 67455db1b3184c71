import CCurses

/// Turns what ncurses' `get_wch` returns into `Key`s.
///
/// `get_wch` gives either a character (`OK`) or a key code (`KEY_CODE_YES`). Control characters map to
/// enter, tab, backspace, escape and `control(letter)`; an escape directly followed by a character in the same
/// read batch is alt plus that character.
public enum KeyDecoder {
    /// One raw read: `isKeyCode` when `get_wch` returned `KEY_CODE_YES`.
    public struct RawInput: Hashable, Sendable {
        public var isKeyCode: Bool
        public var value: UInt32

        public init(isKeyCode: Bool, value: UInt32) {
            self.isKeyCode = isKeyCode
            self.value = value
        }
    }

    /// What a raw read means: a key, a resize, a mouse event to ask ncurses about, or nothing.
    public enum Decoded: Hashable, Sendable {
        case key(Key)
        case resize
        case mouse
        case none
    }

    /// Decodes a batch of reads, merging escape + character into alt-character.
    public static func decode(_ batch: [RawInput]) -> [Decoded] {
        var result: [Decoded] = []
        var index = 0
        while index < batch.count {
            let input = batch[index]
            if !input.isKeyCode, input.value == 0x1b, index + 1 < batch.count, !batch[index + 1].isKeyCode,
                let scalar = Unicode.Scalar(batch[index + 1].value), scalar.value >= 0x20, scalar.value != 0x7f
            {
                result.append(.key(.alt(Character(scalar))))
                index += 2
                continue
            }
            result.append(decode(input))
            index += 1
        }
        return result
    }

    /// Decodes one read.
    public static func decode(_ input: RawInput) -> Decoded {
        if input.isKeyCode { return decodeKeyCode(Int32(bitPattern: input.value)) }
        switch input.value {
        case 0x0d, 0x0a: return .key(.enter)
        case 0x09: return .key(.tab)
        case 0x1b: return .key(.escape)
        case 0x7f, 0x08: return .key(.backspace)
        case 0x01...0x1a:
            return .key(.control(Character(Unicode.Scalar(UInt8(input.value) + 0x60))))
        case 0x00, 0x1c...0x1f: return .none
        default:
            guard let scalar = Unicode.Scalar(input.value) else { return .none }
            return .key(.character(Character(scalar)))
        }
    }

    private static func decodeKeyCode(_ code: Int32) -> Decoded {
        switch code {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_HOME, KEY_A1: return .key(.home)
        case KEY_END, KEY_C1: return .key(.end)
        case KEY_ENTER: return .key(.enter)
        case KEY_BTAB: return .key(.backTab)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_IC: return .key(.insert)
        case KEY_RESIZE: return .resize
        case KEY_MOUSE: return .mouse
        default:
            for number in 1...12 where ccurses_key_f(Int32(number)) == code {
                return .key(.function(number))
            }
            return .none
        }
    }
}
