public import Foundation

/// Hand-written wire JSON for the largest, most frequent responses (`DiaryList`, `DiaryEntry`): the same
/// bytes `JSONCoding.encode` writes through `JSONEncoder` (sorted keys, unescaped `/`, `toISOString` dates),
/// in a fraction of the time, since Foundation's encoder spent a quarter of a listing request's CPU in dynamic
/// casts and boxing (docs/performance.md). Types it does not cover, and entries carrying a search `score` (a
/// floating-point number, whose formatting stays Foundation's), return nil and take the encoder.
public enum WireJSONWriter {
    /// The wire JSON of `value` when it is one of the covered types, else nil.
    public static func encode(_ value: some Encodable) -> Data? {
        var writer = Output()
        switch value {
        case let list as DiaryList:
            guard writer.list(list) else { return nil }
        case let entry as DiaryEntry:
            guard writer.entry(entry) else { return nil }
        default:
            return nil
        }
        return Data(writer.bytes)
    }

    private struct Output {
        var bytes: [UInt8] = []

        mutating func list(_ list: DiaryList) -> Bool {
            bytes.reserveCapacity(512 + list.items.reduce(0) { $0 + 400 + $1.content.utf8.count })
            raw("{\"items\":[")
            for (index, entry) in list.items.enumerated() {
                if index > 0 { raw(",") }
                guard self.entry(entry) else { return false }
            }
            raw("],\"limit\":\(list.limit),\"offset\":\(list.offset),\"total\":\(list.total)}")
            return true
        }

        mutating func entry(_ entry: DiaryEntry) -> Bool {
            guard entry.score == nil else { return false }
            raw("{\"accessCount\":\(entry.accessCount),\"content\":")
            string(entry.content)
            raw(",\"createdAt\":\"\(ISO8601Timestamp.string(from: entry.createdAt))\",\"diaryId\":\"")
            raw(entry.diaryId.description)
            raw("\",\"entryType\":")
            string(entry.entryType.rawValue)
            raw(",\"id\":\"\(entry.id.description)\",\"importance\":\(entry.importance),\"injectionRisk\":")
            raw(entry.injectionRisk ? "true" : "false")
            raw(",\"lastAccessedAt\":")
            if let date = entry.lastAccessedAt {
                raw("\"\(ISO8601Timestamp.string(from: date))\"")
            } else {
                raw("null")
            }
            raw(",\"supersededBy\":")
            if let superseding = entry.supersededBy { raw("\"\(superseding.description)\"") } else { raw("null") }
            raw(",\"tags\":")
            if let tags = entry.tags {
                raw("[")
                for (index, tag) in tags.enumerated() {
                    if index > 0 { raw(",") }
                    string(tag)
                }
                raw("]")
            } else {
                raw("null")
            }
            raw(",\"title\":")
            if let title = entry.title { string(title) } else { raw("null") }
            raw(",\"updatedAt\":\"\(ISO8601Timestamp.string(from: entry.updatedAt))\"}")
            return true
        }

        mutating func raw(_ text: String) {
            bytes.append(contentsOf: text.utf8)
        }

        /// A JSON string as Foundation writes it: `"` and `\` escaped, the short escapes for control
        /// characters that have one, `\u00XX` for the others, everything else (including `/`) as UTF-8.
        mutating func string(_ text: String) {
            bytes.append(UInt8(ascii: "\""))
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
                case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
                case 0x08: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
                case 0x0C: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
                case 0x0A: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
                case 0x0D: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
                case 0x09: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
                case 0x00..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")]
                    bytes += [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
                default: bytes.append(byte)
                }
            }
            bytes.append(UInt8(ascii: "\""))
        }
    }
}
