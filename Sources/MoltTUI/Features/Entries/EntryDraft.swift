public import MoltCore

/// An entry being written: what the inline editor and `$EDITOR` edit, and what is sent to create, update or
/// supersede an entry.
///
/// In `$EDITOR` it is a small header and the content:
/// ```
/// title: RRF notes
/// tags: rrf, search
/// type: semantic
/// importance: 7
/// ---
/// Reciprocal rank fusion adds 1/(60 + rank) per list.
/// ```
public struct EntryDraft: Equatable, Sendable {
    public var title: String
    public var tags: [String]
    public var type: EntryType
    public var importance: Int
    public var content: String

    public init(
        title: String = "", tags: [String] = [], type: EntryType = EntryLimits.defaultEntryType,
        importance: Int = EntryLimits.defaultImportance, content: String = ""
    ) {
        self.title = title
        self.tags = tags
        self.type = type
        self.importance = importance
        self.content = content
    }

    /// The draft of an existing entry.
    public init(_ entry: DiaryEntry) {
        self.init(
            title: entry.title ?? "", tags: entry.tags ?? [], type: entry.entryType, importance: entry.importance,
            content: entry.content)
    }

    /// The text handed to `$EDITOR`.
    public var editorText: String {
        "title: \(title)\ntags: \(tags.joined(separator: ", "))\ntype: \(type.rawValue)\nimportance: \(importance)\n---\n"
            + content
    }

    /// Reads an `$EDITOR` text back (without a `---` line, all of it is the content).
    public init(editorText text: String, base: EntryDraft = EntryDraft()) {
        self = base
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let separator = lines.firstIndex(where: { $0.trimmingSpaces == "---" }) else {
            content = Self.trimmedContent(text)
            return
        }
        for line in lines[..<separator] {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingSpaces.lowercased()
            let value = line[line.index(after: colon)...].trimmingSpaces
            switch key {
            case "title": title = value
            case "tags": tags = Self.tags(value)
            case "type": type = EntryType(rawValue: value.lowercased())
            case "importance": importance = Int(value) ?? importance
            default: break
            }
        }
        content = Self.trimmedContent(lines[(separator + 1)...].joined(separator: "\n"))
    }

    /// Comma-separated tags, trimmed, empty ones dropped.
    public static func tags(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
    }

    /// What is wrong with the draft for a diary of `visibility`, or nil.
    public func problem(visibility: Visibility) -> String? {
        if content.trimmingSpaces.isEmpty { return "The content is empty." }
        if content.count > EntryLimits.contentLength.upperBound { return "The content is over 100 000 characters." }
        if visibility == .public, content.count > EntryLimits.publicContentMaxLength {
            return "A public diary's entries hold at most 10 000 characters."
        }
        if title.count > EntryLimits.titleMaxLength { return "The title is over 255 characters." }
        if tags.count > EntryLimits.maxTags { return "At most 20 tags." }
        if let long = tags.first(where: { $0.count > EntryLimits.tagMaxLength }) {
            return "The tag “\(long)” is over 50 characters."
        }
        if !type.isKnown { return "Unknown type “\(type.rawValue)”." }
        if !EntryLimits.importance.contains(importance) { return "The importance is 1 to 10." }
        return nil
    }

    /// The body creating it.
    public var createRequest: CreateEntryRequest {
        CreateEntryRequest(
            content: content, title: title.isEmpty ? nil : title, tags: tags.isEmpty ? nil : tags,
            importance: importance, entryType: type)
    }

    /// The body changing `entry` into this draft (only the fields that differ).
    public func updateRequest(from entry: DiaryEntry) -> UpdateEntryRequest {
        let original = EntryDraft(entry)
        return UpdateEntryRequest(
            title: title != original.title ? title : nil, content: content != original.content ? content : nil,
            tags: tags != original.tags ? tags : nil, importance: importance != original.importance ? importance : nil,
            entryType: type != original.type ? type : nil)
    }

    private static func trimmedContent(_ text: String) -> String {
        var text = Substring(text)
        while text.last == "\n" || text.last == " " { text.removeLast() }
        while text.first == "\n" { text.removeFirst() }
        return String(text)
    }
}

/// What saving a draft does.
public enum EntryEditPurpose: Equatable, Sendable {
    case create
    case edit(DiaryEntry)
    /// A new entry that replaces this one (the old one gets `supersededBy`).
    case supersede(DiaryEntry)

    /// The editor's title.
    public var title: String {
        switch self {
        case .create: "New entry"
        case .edit: "Edit entry"
        case .supersede: "Supersede entry"
        }
    }

    /// The draft to start from.
    public var draft: EntryDraft {
        switch self {
        case .create: EntryDraft()
        case .edit(let entry), .supersede(let entry): EntryDraft(entry)
        }
    }
}

extension MoltService {
    /// Saves a draft for `purpose` in `diary`: creates, updates, or creates the replacement and marks the
    /// old entry superseded by it.
    /// - Returns: The entry written and a verb for the flash line.
    func save(_ draft: EntryDraft, _ purpose: EntryEditPurpose, in diary: DiaryID) async throws -> SavedEntry {
        switch purpose {
        case .create:
            return SavedEntry(entry: try await createEntry(in: diary, draft.createRequest), verb: "Created")
        case .edit(let entry):
            let changes = draft.updateRequest(from: entry)
            if changes.isEmpty { return SavedEntry(entry: entry, verb: "Unchanged") }
            return SavedEntry(entry: try await updateEntry(entry.id, in: diary, changes), verb: "Saved")
        case .supersede(let entry):
            let replacement = try await createEntry(in: diary, draft.createRequest)
            _ = try await updateEntry(entry.id, in: diary, UpdateEntryRequest(supersededBy: replacement.id))
            return SavedEntry(entry: replacement, verb: "Superseded by")
        }
    }
}

/// An entry written by a save, with what happened (`Created`, `Saved`, `Superseded by`).
public struct SavedEntry: Equatable, Sendable {
    public var entry: DiaryEntry
    public var verb: String
}

extension Substring {
    var trimmingSpaces: String { String(self).trimmingSpaces }
}
