import CCurses
import Testing

@testable import MoltTUI

@Suite("Decoding get_wch results into keys")
struct KeyDecoderTests {
    func character(_ value: UInt32) -> KeyDecoder.RawInput { KeyDecoder.RawInput(isKeyCode: false, value: value) }
    func code(_ value: Int32) -> KeyDecoder.RawInput { KeyDecoder.RawInput(isKeyCode: true, value: UInt32(value)) }

    @Test("characters, including wide and astral ones")
    func characters() {
        #expect(KeyDecoder.decode(character(0x6A)) == .key(.character("j")))
        #expect(KeyDecoder.decode(character(0xE9)) == .key(.character("é")))
        #expect(KeyDecoder.decode(character(0x65E5)) == .key(.character("日")))
        #expect(KeyDecoder.decode(character(0x1F600)) == .key(.character("😀")))
        #expect(KeyDecoder.decode(character(0x20)) == .key(.character(" ")))
    }

    @Test("control characters: enter, tab, escape, backspace, ctrl-letters")
    func controls() {
        #expect(KeyDecoder.decode(character(13)) == .key(.enter))
        #expect(KeyDecoder.decode(character(10)) == .key(.enter))
        #expect(KeyDecoder.decode(character(9)) == .key(.tab))
        #expect(KeyDecoder.decode(character(27)) == .key(.escape))
        #expect(KeyDecoder.decode(character(127)) == .key(.backspace))
        #expect(KeyDecoder.decode(character(8)) == .key(.backspace))
        #expect(KeyDecoder.decode(character(4)) == .key(.control("d")))
        #expect(KeyDecoder.decode(character(12)) == .key(.control("l")))
        #expect(KeyDecoder.decode(character(21)) == .key(.control("u")))
        #expect(KeyDecoder.decode(character(0)) == .none)
    }

    @Test("function and cursor keys, resize and mouse")
    func keyCodes() {
        let expected: [(Int32, KeyDecoder.Decoded)] = [
            (KEY_UP, .key(.up)), (KEY_DOWN, .key(.down)), (KEY_LEFT, .key(.left)), (KEY_RIGHT, .key(.right)),
            (KEY_PPAGE, .key(.pageUp)), (KEY_NPAGE, .key(.pageDown)), (KEY_HOME, .key(.home)), (KEY_END, .key(.end)),
            (KEY_ENTER, .key(.enter)), (KEY_BTAB, .key(.backTab)), (KEY_BACKSPACE, .key(.backspace)),
            (KEY_DC, .key(.delete)), (KEY_IC, .key(.insert)), (ccurses_key_f(5), .key(.function(5))),
            (ccurses_key_f(12), .key(.function(12))), (KEY_RESIZE, .resize), (KEY_MOUSE, .mouse), (KEY_F0 + 40, .none),
        ]
        for (value, decoded) in expected {
            #expect(KeyDecoder.decode(code(value)) == decoded)
        }
    }

    @Test("escape followed by a character in the same read is alt plus that character")
    func altKeys() {
        #expect(KeyDecoder.decode([character(27), character(0x78)]) == [.key(.alt("x"))])
        #expect(KeyDecoder.decode([character(27)]) == [.key(.escape)])
        #expect(KeyDecoder.decode([character(27), character(27)]) == [.key(.escape), .key(.escape)])
        #expect(KeyDecoder.decode([character(27), code(KEY_UP)]) == [.key(.escape), .key(.up)])
        #expect(
            KeyDecoder.decode([character(0x6A), character(0x6B)]) == [.key(.character("j")), .key(.character("k"))])
    }

    @Test("OSC 52 carries the text base64-encoded for the system clipboard")
    func clipboard() {
        #expect(Clipboard.osc52("molt ✓") == "\u{1b}]52;c;bW9sdCDinJM=\u{07}")
        #expect(Clipboard.osc52(String(repeating: "a", count: 200_000)).count < 140_000)
    }
}
