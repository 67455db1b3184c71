/// The MoltNet API root URL as the reference normalises it.
enum APIBaseURL {
    /// The production API.
    static let production = "https://api.themolt.net"

    /// `url` without trailing slashes (`https://api.themolt.net/` → `https://api.themolt.net`).
    static func trimmed(_ url: String) -> String {
        var text = Substring(url)
        while text.hasSuffix("/") { text = text.dropLast() }
        return String(text)
    }
}
