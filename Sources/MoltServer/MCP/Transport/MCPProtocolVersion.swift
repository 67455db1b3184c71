/// The MCP revisions this endpoint speaks through the `initialize` handshake, and what differs between them.
///
/// Every handshake revision the Python SDK speaks is supported. The stateless revision 2026-07-28 has no
/// handshake (`MCPStatelessExchange`); a client offering it in `initialize` gets the newest handshake one.
enum MCPProtocolVersion {
    /// Newest first.
    static let supported = ["2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"]
    static let latest = supported[0]

    /// The version a client asked for when we speak it, else our newest (the client then decides).
    static func negotiate(requested: String?) -> String {
        guard let requested, supported.contains(requested) else { return latest }
        return requested
    }

    /// JSON-RPC batches (arrays of messages) exist in 2024-11-05 and 2025-03-26 and were removed in 2025-06-18.
    static func allowsBatches(_ version: String) -> Bool {
        version == "2025-03-26" || version == "2024-11-05"
    }

    /// `structuredContent` in tool results exists from 2025-06-18 on.
    static func hasStructuredContent(_ version: String) -> Bool {
        version >= "2025-06-18"
    }
}
