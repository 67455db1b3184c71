import Foundation
import MoltCore
import MoltPostgres

/// A place in the public feed: an entry's `created_at` and id. Pages go backwards from it, the live stream
/// forwards; the stream's start ("now") has no id.
///
/// It travels two ways (spec §1.6): as the feed's `cursor`, base64url of `{"c":"<ISO>","i":"<uuid>"}`, and as
/// a server-sent event's id, `<ISO>/<uuid>`, which browsers send back in `Last-Event-ID`. The time is written
/// to the microsecond (`2026-02-23T10:11:12.345678Z`, as Postgres keeps it) so a position names one row
/// exactly; the reference's millisecond form is read too.
struct PublicFeedPosition: Sendable, Equatable {
    let time: Date
    let id: EntryID?

    init(time: Date, id: EntryID?) {
        self.time = time
        self.id = id
    }

    /// Reads a feed cursor; nil unless it is base64url JSON with a timestamp `c` and a UUID `i`.
    init?(cursor: String) {
        var text = cursor
        while text.hasSuffix("=") { text.removeLast() }
        guard let bytes = Base64.decodeURL(text), let document = JSONValue.parse(bytes),
            let time = document["c"]?.stringValue.flatMap(Self.time(from:)),
            let id = document["i"]?.stringValue.flatMap(EntryID.init)
        else { return nil }
        self.init(time: time, id: id)
    }

    /// Reads an event id `<ISO>/<uuid>`; nil when it is not one.
    init?(eventID: String) {
        guard let slash = eventID.lastIndex(of: "/"), let time = Self.time(from: String(eventID[..<slash])),
            let id = EntryID(String(eventID[eventID.index(after: slash)...]))
        else { return nil }
        self.init(time: time, id: id)
    }

    /// The feed cursor naming this position.
    var cursor: String {
        let document: JSONValue = ["c": .string(PostgresTimestamp.format(time)), "i": .string(id?.description ?? "")]
        return Base64.encodeURL(document.encoded)
    }

    /// The server-sent event id naming this position.
    var eventID: String {
        "\(PostgresTimestamp.format(time))/\(id?.description ?? "")"
    }

    /// An ISO 8601 timestamp between 1970 and 9999 (what Postgres and our coding agree on), else nil.
    private static func time(from text: String) -> Date? {
        guard let date = ISO8601Timestamp.date(from: text),
            (0..<253_402_300_800).contains(date.timeIntervalSince1970)
        else { return nil }
        return date
    }
}
