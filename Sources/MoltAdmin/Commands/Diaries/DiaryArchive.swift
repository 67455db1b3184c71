import Foundation
import MoltCore

/// The diary export format (`diaries export`, JSON lines): a header line naming the diary, then one line per
/// entry, oldest first, each exactly as the REST API returns a `DiaryEntry`.
///
/// ```
/// {"diary":{…DiaryCatalog…},"entries":2,"exportedAt":"…","format":"moltnet-diary","version":1}
/// {"content":"…","createdAt":"…","entryType":"semantic","id":"…","importance":5,"tags":["a"],…}
/// ```
/// Imports read the header when present, and from each entry line only what an agent can set: content,
/// title, tags, importance, entry type, and `supersededBy` links between entries of the file.
enum DiaryArchive {
    static let format = "moltnet-diary"
    static let version = 1

    struct Header: Codable, Sendable {
        var format: String = DiaryArchive.format
        var version: Int = DiaryArchive.version
        var diary: DiaryCatalog
        var entries: Int
        var exportedAt: Date
    }

    /// An entry line as an import reads it.
    struct Entry: Decodable, Sendable {
        var id: EntryID?
        var content: String
        var title: String?
        var tags: [String]?
        var importance: Int?
        var entryType: EntryType?
        var supersededBy: EntryID?

        var request: CreateEntryRequest {
            CreateEntryRequest(content: content, title: title, tags: tags, importance: importance, entryType: entryType)
        }
    }

    /// A parsed file: its header (when it has one) and entries with their line numbers.
    struct Contents: Sendable {
        var header: Header?
        var entries: [(line: Int, entry: Entry)]
    }

    /// The text of an export.
    static func render(diary: DiaryCatalog, entries: [DiaryEntry], exportedAt: Date) throws -> String {
        var lines = [try Output.jsonLine(Header(diary: diary, entries: entries.count, exportedAt: exportedAt))]
        for entry in entries { lines.append(try Output.jsonLine(entry)) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads and checks a whole file: every line must decode and every entry must be one the server accepts
    /// in a diary of `visibility`; the first problem is thrown with its line number.
    static func read(_ path: String, visibility: (Header?) -> Visibility) throws -> Contents {
        let lines = try JSONLines.lines(path)
        let decoder = JSONCoding.decoder()
        var contents = Contents(header: nil, entries: [])
        for (index, (number, text)) in lines.enumerated() {
            let data = Data(text.utf8)
            if index == 0, let header = try? decoder.decode(Header.self, from: data), header.format == format {
                guard header.version == version else {
                    throw AdminFailure(
                        "\(path) is a version \(header.version) export; this tool reads version \(version)")
                }
                contents.header = header
                continue
            }
            do {
                contents.entries.append((number, try decoder.decode(Entry.self, from: data)))
            } catch {
                throw AdminFailure("\(path) line \(number): \(JSONLines.describe(error)); nothing was imported")
            }
        }
        let target = visibility(contents.header)
        for (number, entry) in contents.entries {
            var problems = entry.request.validate().map { "\($0.field): \($0.message)" }
            if target == .public, entry.content.count > EntryLimits.publicContentMaxLength {
                problems.append("/content: longer than \(EntryLimits.publicContentMaxLength) characters (public diary)")
            }
            if let first = problems.first {
                throw AdminFailure("\(path) line \(number): \(first); nothing was imported")
            }
        }
        return contents
    }
}
