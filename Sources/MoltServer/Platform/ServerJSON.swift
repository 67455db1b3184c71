import Foundation

/// The server's JSON coders (sorted keys, unescaped slashes).
enum ServerJSON {
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
