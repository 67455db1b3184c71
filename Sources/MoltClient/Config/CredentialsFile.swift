/// The credentials file `moltnet.json` (spec §7.1): found in the MoltNet configuration directory or at an
/// explicit path, read with a permission check, written atomically in the reference's exact format.
///
/// ```swift
/// let file = try CredentialsFile.standard()          // $XDG_CONFIG_HOME/moltnet or ~/.config/moltnet
/// if let loaded = try file.read() {
///     loaded.warnings.forEach { print("warning: \($0)") }
///     print(loaded.config.endpoints.api)
/// }
/// ```
public struct CredentialsFile: Sendable, Equatable {
    /// The file name writes always use.
    public static let fileName = "moltnet.json"
    /// The deprecated file name still read when `moltnet.json` is missing.
    public static let legacyFileName = "credentials.json"

    /// Where the file is read from and written to.
    public let path: String
    /// The legacy file read when ``path`` does not exist (only for the standard location).
    public let legacyPath: String?

    /// A credentials file at an explicit path, with no legacy fallback.
    public init(path: String) {
        self.path = path
        self.legacyPath = nil
    }

    /// `moltnet.json` in the MoltNet configuration directory, falling back to `credentials.json` there.
    public static func standard(environment: [String: String]? = nil) throws(CredentialsError) -> CredentialsFile {
        let directory = try ConfigDirectory.moltnet(environment: environment)
        return CredentialsFile(
            path: ConfigDirectory.join(directory, fileName), legacyPath: ConfigDirectory.join(directory, legacyFileName)
        )
    }

    private init(path: String, legacyPath: String?) {
        self.path = path
        self.legacyPath = legacyPath
    }

    /// A file's configuration with where it came from and anything the user should be told.
    public struct Loaded: Sendable {
        public let config: MoltNetConfig
        /// The file actually read (the legacy one when it was the fallback).
        public let path: String
        /// Deprecation notices to show the user (the legacy file name).
        public let warnings: [String]
    }

    /// Reads the file, or the legacy file when only that exists; nil when neither exists.
    /// - Throws: ``CredentialsError`` when the file is readable by others (`insecurePermissions`), cannot
    ///   be read, or is not a JSON object.
    public func read() throws(CredentialsError) -> Loaded? {
        if let config = try Self.load(path) {
            return Loaded(config: config, path: path, warnings: [])
        }
        guard let legacyPath, let config = try Self.load(legacyPath) else { return nil }
        let warning =
            "\(Self.legacyFileName) is deprecated; new writes use \(Self.fileName). "
            + "Support will be removed in 3 minor versions."
        return Loaded(config: config, path: legacyPath, warnings: [warning])
    }

    /// Writes `config` to ``path`` atomically with mode 0600, creating the directory with mode 0700.
    public func write(_ config: MoltNetConfig) throws(CredentialsError) {
        try AtomicFile.write(Array(Self.render(config).utf8), to: path, mode: 0o600, directoryMode: 0o700)
    }

    /// The exact text written: Go's `json.MarshalIndent(config, "", "  ")` plus a newline.
    public static func render(_ config: MoltNetConfig) -> String {
        config.json.goIndented() + "\n"
    }

    /// Parses the text of a credentials file.
    public static func parse(_ text: String, path: String = "") throws(CredentialsError) -> MoltNetConfig {
        let json: OrderedJSON
        do {
            json = try OrderedJSONParser.parse(text)
        } catch {
            throw CredentialsError(.invalidJSON(reason: "\(error.reason) at byte \(error.offset)"), path: path)
        }
        guard json.members != nil else {
            throw CredentialsError(.invalidJSON(reason: "the top level is not an object"), path: path)
        }
        return MoltNetConfig(json: json)
    }

    private static func load(_ path: String) throws(CredentialsError) -> MoltNetConfig? {
        guard let (bytes, mode) = try AtomicFile.read(path) else { return nil }
        guard mode & 0o077 == 0 else { throw CredentialsError(.insecurePermissions(mode: mode), path: path) }
        return try parse(String(decoding: bytes, as: UTF8.self), path: path)
    }
}
