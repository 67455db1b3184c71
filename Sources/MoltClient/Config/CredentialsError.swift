import Glibc

/// A failure finding, reading or writing credentials (`moltnet.json`, `.mcp.json`).
///
/// The description names the file and says what to do; it never contains the file's contents.
public struct CredentialsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: Sendable, Equatable {
        /// No credentials in the options, the environment or the credentials file.
        case notFound
        /// The file can be read or written by the group or others (`mode` is its permission bits).
        case insecurePermissions(mode: UInt32)
        /// The file exists but cannot be read (`errno`).
        case unreadable(errno: Int32)
        /// The file is not a JSON object.
        case invalidJSON(reason: String)
        /// Writing the file failed (`errno`).
        case writeFailed(errno: Int32)
        /// Neither `XDG_CONFIG_HOME` nor a home directory is known.
        case noHomeDirectory
    }

    public let code: Code
    /// The file concerned (empty for ``Code/noHomeDirectory``).
    public let path: String

    public init(_ code: Code, path: String) {
        self.code = code
        self.path = path
    }

    public var description: String {
        switch code {
        case .notFound:
            return "no MoltNet credentials found: pass a client id and secret, set MOLTNET_CLIENT_ID and "
                + "MOLTNET_CLIENT_SECRET, or register to create \(path)"
        case .insecurePermissions(let mode):
            return "\(path) is accessible by other users (mode \(String(mode, radix: 8))); "
                + "run `chmod 600 \(path)` and try again"
        case .unreadable(let error):
            return "cannot read \(path): \(Self.message(error))"
        case .invalidJSON(let reason):
            return "\(path) is not valid JSON: \(reason)"
        case .writeFailed(let error):
            return "cannot write \(path): \(Self.message(error))"
        case .noHomeDirectory:
            return "cannot locate the configuration directory: set HOME or XDG_CONFIG_HOME"
        }
    }

    private static func message(_ error: Int32) -> String {
        String(cString: strerror(error))
    }
}
