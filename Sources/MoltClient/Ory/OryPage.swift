import Foundation
import MoltCore

/// One page of an Ory list, with the token of the next page.
///
/// Kratos and Hydra send bare arrays and a `Link` header whose `rel="next"` URL carries `page_token`;
/// Keto sends `next_page_token` (empty on the last page). Tokens are opaque: pass ``nextPageToken`` back.
public struct OryPage<Item: Sendable>: Sendable {
    public var items: [Item]
    /// The next page's token; nil on the last page.
    public var nextPageToken: String?

    public init(items: [Item], nextPageToken: String?) {
        self.items = items
        self.nextPageToken = nextPageToken
    }
}

extension OryPage: Equatable where Item: Equatable {}

/// An RFC 8288 `Link` header: target URLs by relation.
struct LinkHeader {
    let links: [String: String]

    init(_ header: String?) {
        var links: [String: String] = [:]
        for part in Self.split(header ?? "") {
            guard let open = part.firstIndex(of: "<"), let close = part.firstIndex(of: ">"), open < close else {
                continue
            }
            let target = String(part[part.index(after: open)..<close])
            for parameter in part[part.index(after: close)...].split(separator: ";") {
                let pieces = parameter.split(separator: "=", maxSplits: 1).map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
                guard pieces.count == 2, pieces[0].lowercased() == "rel" else { continue }
                let relations = pieces[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                for relation in relations.split(separator: " ") { links[relation.lowercased()] = target }
            }
        }
        self.links = links
    }

    /// The `page_token` of the `rel="next"` link, if there is one.
    var nextPageToken: String? {
        guard let next = links["next"], let query = next.split(separator: "?", maxSplits: 1).dropFirst().first else {
            return nil
        }
        let token = FormURLEncoding.decode(query).first { $0.name == "page_token" }?.value
        return token?.isEmpty == false ? token : nil
    }

    /// Splits at commas outside `<…>` (URLs may hold commas).
    private static func split(_ header: String) -> [Substring] {
        var parts: [Substring] = []
        var start = header.startIndex
        var inside = false
        for index in header.indices {
            switch header[index] {
            case "<": inside = true
            case ">": inside = false
            case "," where !inside:
                parts.append(header[start..<index])
                start = header.index(after: index)
            default: break
            }
        }
        parts.append(header[start...])
        return parts
    }
}
