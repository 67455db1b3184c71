import Foundation
import Glibc

/// Where MoltNet keeps its configuration: `$XDG_CONFIG_HOME/moltnet`, else `~/.config/moltnet`.
public enum ConfigDirectory {
    /// The MoltNet configuration directory for `environment` (the process environment when nil).
    /// `XDG_CONFIG_HOME` counts only when it is an absolute path, as the XDG specification says.
    /// - Throws: ``CredentialsError`` `noHomeDirectory` when no home directory is known.
    public static func moltnet(environment: [String: String]? = nil) throws(CredentialsError) -> String {
        let environment = environment ?? ProcessInfo.processInfo.environment
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            return join(xdg, "moltnet")
        }
        guard let home = environment["HOME"].flatMap({ $0.isEmpty ? nil : $0 }) ?? passwordDatabaseHome() else {
            throw CredentialsError(.noHomeDirectory, path: "")
        }
        return join(join(home, ".config"), "moltnet")
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    private static func passwordDatabaseHome() -> String? {
        guard let entry = getpwuid(getuid()), let directory = entry.pointee.pw_dir else { return nil }
        let home = String(cString: directory)
        return home.isEmpty ? nil : home
    }
}
