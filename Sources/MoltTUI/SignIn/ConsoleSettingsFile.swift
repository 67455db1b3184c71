import Foundation
import MoltClient

/// The console's own settings, `console.json` beside the credentials file (`~/.config/moltnet/`): plain
/// string members `api_url`, `admin_url`, `database_url`, used when neither a flag nor the environment
/// gives the value. A missing or unreadable file means no settings.
enum ConsoleSettingsFile {
    static let fileName = "console.json"

    /// The settings, or an empty dictionary.
    static func read(environment: [String: String]) -> [String: String] {
        guard let directory = try? ConfigDirectory.moltnet(environment: environment),
            let data = FileManager.default.contents(atPath: directory + "/" + fileName),
            let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        else { return [:] }
        var settings: [String: String] = [:]
        for key in ["api_url", "admin_url", "database_url"] {
            if let value = object[key] as? String, !value.isEmpty { settings[key] = value }
        }
        return settings
    }
}
