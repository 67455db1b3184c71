import Foundation

/// `.mcp.json`, the MCP client configuration the reference writes after registering (spec §7.2).
///
/// The `moltnet` entry is merged into an existing file: other top-level keys and other `mcpServers`
/// entries are kept (their contents as written); an invalid file is overwritten with a warning. The output
/// is what Go's encoder writes for the reference's map types: keys sorted, two-space indent, a trailing
/// newline, mode 0644.
public enum MCPConfigFile {
    /// The file name, in the current directory by default.
    public static let fileName = ".mcp.json"
    /// The server entry MoltNet owns.
    public static let serverName = "moltnet"

    /// What a write did.
    public struct Written: Sendable, Equatable {
        public let path: String
        /// Things the user should be told (an invalid file that was overwritten).
        public let warnings: [String]

        public init(path: String, warnings: [String]) {
            self.path = path
            self.warnings = warnings
        }
    }

    /// Merges `mcpServers.moltnet = {type: "http", url, headers: {X-Client-Id, X-Client-Secret}}` into
    /// `<directory>/.mcp.json` (the current directory when nil).
    public static func write(
        mcpURL: String, credentials: ClientCredentials, directory: String? = nil
    ) throws(CredentialsError) -> Written {
        let path = ConfigDirectory.join(directory ?? currentDirectory(), fileName)
        let existing = (try? AtomicFile.read(path)).flatMap { $0 }.map { String(decoding: $0.bytes, as: UTF8.self) }
        let (text, warnings) = merged(existing: existing, mcpURL: mcpURL, credentials: credentials, path: path)
        try AtomicFile.write(Array(text.utf8), to: path, mode: 0o644, directoryMode: 0o755)
        return Written(path: path, warnings: warnings)
    }

    /// The merged file text and any warning, from the existing text (nil when there is no file).
    static func merged(
        existing: String?, mcpURL: String, credentials: ClientCredentials, path: String
    ) -> (text: String, warnings: [String]) {
        var warnings: [String] = []
        var topLevel: [String: OrderedJSON] = [:]
        if let existing {
            switch try? OrderedJSONParser.parse(existing) {
            case .object(let members)?:
                for member in members { topLevel[member.key] = member.value }
            case .null?:
                break
            default:
                warnings.append("\(path) contains invalid JSON, overwriting")
            }
        }
        var servers: [String: OrderedJSON] = [:]
        for member in topLevel["mcpServers"]?.members ?? [] { servers[member.key] = member.value }
        servers[serverName] = .object([
            ("type", .string("http")), ("url", .string(mcpURL)),
            (
                "headers",
                .object([
                    ("X-Client-Id", .string(credentials.clientID)),
                    ("X-Client-Secret", .string(credentials.clientSecret.value)),
                ])
            ),
        ])
        topLevel["mcpServers"] = .object(sorted(servers))
        return (OrderedJSON.object(sorted(topLevel)).goIndented() + "\n", warnings)
    }

    /// Members in Go's map order: keys sorted by their UTF-8 bytes.
    private static func sorted(_ members: [String: OrderedJSON]) -> [(key: String, value: OrderedJSON)] {
        members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map { ($0.key, $0.value) }
    }

    private static func currentDirectory() -> String {
        FileManager.default.currentDirectoryPath
    }
}
