import Foundation

/// Standard base64 (RFC 4648 §4, with padding), the encoding of every key and signature on MoltNet's wire.
public enum Base64 {
    /// Encodes bytes as standard base64 with padding.
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        Data(bytes).base64EncodedString()
    }

    /// Decodes standard base64; padding is optional, whitespace and other characters are rejected.
    public static func decode(_ text: String) -> [UInt8]? {
        var padded = text
        let remainder = padded.utf8.count % 4
        if remainder == 2 {
            padded += "=="
        } else if remainder == 3 {
            padded += "="
        } else if remainder == 1 {
            return nil
        }
        return Data(base64Encoded: padded).map { [UInt8]($0) }
    }
}
