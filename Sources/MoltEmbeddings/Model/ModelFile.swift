import Foundation

/// Reading the small JSON files of a model folder, with errors that name the file.
enum ModelFile {
    /// The top-level object of the JSON file at `url`.
    static func jsonObject(at url: URL) throws(EmbeddingError) -> [String: Any] {
        guard let object = try jsonObjectIfPresent(at: url) else {
            throw EmbeddingError(.modelMissing, path: url.path, "\(url.lastPathComponent) is missing")
        }
        return object
    }

    /// The top-level object of the JSON file at `url`, or nil when there is no such file.
    static func jsonObjectIfPresent(at url: URL) throws(EmbeddingError) -> [String: Any]? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw EmbeddingError(.malformedFile, path: url.path, "cannot be read")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw EmbeddingError(.malformedFile, path: url.path, "is not a JSON object")
        }
        return object
    }
}
