import Foundation
import MoltCore

/// Reading JSON lines files: one JSON value a line, blank lines skipped; a line that does not decode
/// stops the read with its number, before the caller has done anything with the file.
enum JSONLines {
    /// The file's non-blank lines with their 1-based numbers.
    static func lines(_ path: String) throws -> [(number: Int, text: Substring)] {
        let data: Data
        do {
            data =
                path == "-"
                ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw AdminFailure("cannot read \(path): \((error as NSError).localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw AdminFailure("\(path) is not UTF-8 text") }
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line in
            let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
            return trimmed.allSatisfy(\.isWhitespace) ? nil : (index + 1, trimmed)
        }
    }

    /// Every line decoded as `T`.
    static func read<T: Decodable>(_ path: String, as type: T.Type) throws -> [(line: Int, value: T)] {
        let decoder = JSONCoding.decoder()
        return try lines(path).map { number, text in
            do {
                return (number, try decoder.decode(T.self, from: Data(text.utf8)))
            } catch {
                throw AdminFailure("\(path) line \(number): \(describe(error)); nothing was imported")
            }
        }
    }

    /// A decoding error as a short sentence naming the field.
    static func describe(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .keyNotFound(let key, _)?: return "missing \"\(key.stringValue)\""
        case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?, .dataCorrupted(let context)?:
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty
                ? "not valid JSON (\(context.debugDescription))" : "\"\(path)\": \(context.debugDescription)"
        default: return "\(error)"
        }
    }
}

/// Runs `body` on every item with at most `width` running at once; the first error cancels the rest and is
/// rethrown after every started call has ended.
func forEachConcurrently<Item: Sendable>(
    _ items: [Item], width: Int, _ body: @escaping @Sendable (Item) async throws -> Void
) async throws {
    try await withThrowingTaskGroup(of: Void.self) { group in
        var next = 0
        while next < min(width, items.count) {
            let item = items[next]
            group.addTask { try await body(item) }
            next += 1
        }
        while try await group.next() != nil {
            guard next < items.count else { continue }
            try Task.checkCancellation()
            let item = items[next]
            group.addTask { try await body(item) }
            next += 1
        }
    }
}
