public import Foundation

/// Where the embedding model folder is: `MOLTNET_EMBEDDING_MODEL_DIR` when set, else the folder
/// `scripts/models.sh install` fills, `.moltnet/models/all-MiniLM-L6-v2` under the project root.
public enum EmbeddingModelLocation {
    /// The environment variable that points at another model folder (for example e5-small-v2's).
    public static let environmentKey = "MOLTNET_EMBEDDING_MODEL_DIR"
    /// The default model's folder name, which is also its model id.
    public static let defaultModelName = "all-MiniLM-L6-v2"

    /// The default model's folder under `projectRoot`.
    public static func defaultDirectory(projectRoot: URL) -> URL {
        projectRoot.appendingPathComponent(".moltnet/models").appendingPathComponent(defaultModelName)
    }

    /// The model folder to use: `MOLTNET_EMBEDDING_MODEL_DIR` from `environment` when set and not empty
    /// (relative paths resolve against `projectRoot`), else the default folder under `projectRoot`.
    public static func directory(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        projectRoot: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    ) -> URL {
        guard let configured = environment[environmentKey], !configured.isEmpty else {
            return defaultDirectory(projectRoot: projectRoot)
        }
        let url =
            configured.hasPrefix("/")
            ? URL(fileURLWithPath: configured) : projectRoot.appendingPathComponent(configured)
        return url.standardizedFileURL
    }
}
