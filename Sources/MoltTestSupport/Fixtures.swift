public import Foundation

/// Files under `Tests/Fixtures` (shared test vectors), located from this source file's path.
public enum Fixtures {
    /// The repository's root folder.
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // MoltTestSupport
        .deletingLastPathComponent()  // Sources
        .deletingLastPathComponent()

    /// The URL of a fixture file.
    public static func url(_ name: String) -> URL {
        repositoryRoot.appendingPathComponent("Tests/Fixtures").appendingPathComponent(name)
    }

    /// The bytes of a fixture file.
    public static func data(_ name: String) throws -> Data {
        try Data(contentsOf: url(name))
    }
}
