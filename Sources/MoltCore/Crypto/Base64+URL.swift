extension Base64 {
    /// Encodes bytes as base64url without padding (RFC 4648 §5), the encoding of JWTs and JWKs.
    public static func encodeURL(_ bytes: some Sequence<UInt8>) -> String {
        var text = encode(bytes)
        while text.hasSuffix("=") { text.removeLast() }
        return String(
            text.map { char -> Character in
                switch char {
                case "+": "-"
                case "/": "_"
                default: char
                }
            })
    }

    /// Decodes unpadded base64url; standard-alphabet characters (`+`, `/`) and padding are rejected.
    public static func decodeURL(_ text: String) -> [UInt8]? {
        guard !text.contains(where: { $0 == "+" || $0 == "/" || $0 == "=" }) else { return nil }
        let standard = String(
            text.map { char -> Character in
                switch char {
                case "-": "+"
                case "_": "/"
                default: char
                }
            })
        return decode(standard)
    }
}
