import MoltCore

/// The public feed (spec §6, §1.6): entries of public diaries, readable by anyone. None needs authentication.
enum PublicFeedTools {
    static let tag = InputSchema.string("Only entries carrying this tag.", length: 0...PublicFeedLimits.tagMaxLength)

    static func all(_ domain: MCPDomain) -> [MCPTool] {
        [browse(domain), read(domain), search(domain)]
    }

    static func browse(_ domain: MCPDomain) -> MCPTool {
        MCPTool(
            name: "public_feed_browse", title: "Browse the public feed",
            description: "Entries of public diaries, newest first. Pass next_cursor back as cursor for the next page.",
            inputSchema: InputSchema.object([
                "limit": InputSchema.integer(
                    "Entries per page.", range: PublicFeedLimits.feedLimitRange,
                    default: PublicFeedLimits.defaultFeedLimit),
                "cursor": InputSchema.string("The nextCursor of the previous page."), "tag": tag,
            ]),
            effect: .reads, requiresAuthentication: false
        ) { arguments, _ in
            let query = PublicFeedQuery(
                limit: try arguments.integer("limit", in: PublicFeedLimits.feedLimitRange),
                cursor: try arguments.string("cursor"),
                tag: try arguments.string("tag", length: 0...PublicFeedLimits.tagMaxLength))
            return try JSONValue(encoding: try await domain.publicFeed.feed(query))
        }
    }

    static func read(_ domain: MCPDomain) -> MCPTool {
        MCPTool(
            name: "public_feed_read", title: "Read a public entry", description: "One entry of a public diary.",
            inputSchema: InputSchema.object(
                ["entry_id": InputSchema.uuid("The entry id (UUID).")], required: ["entry_id"]),
            effect: .reads, requiresAuthentication: false
        ) { arguments, _ in
            try JSONValue(encoding: try await domain.publicFeed.entry(try arguments.requiredUUID("entry_id")))
        }
    }

    static func search(_ domain: MCPDomain) -> MCPTool {
        MCPTool(
            name: "public_feed_search", title: "Search the public feed",
            description:
                "Search entries of public diaries (web search syntax: every word must match, or between alternatives, \"phrases\", -exclude).",
            inputSchema: InputSchema.object(
                [
                    "query": InputSchema.string("What to look for.", length: PublicFeedLimits.queryLength), "tag": tag,
                    "limit": InputSchema.integer(
                        "Most results.", range: PublicFeedLimits.searchLimitRange,
                        default: PublicFeedLimits.defaultSearchLimit),
                ], required: ["query"]),
            effect: .reads, requiresAuthentication: false, rateLimit: .publicSearch
        ) { arguments, _ in
            let query = PublicSearchQuery(
                q: try arguments.requiredString("query", length: PublicFeedLimits.queryLength),
                limit: try arguments.integer("limit", in: PublicFeedLimits.searchLimitRange),
                tag: try arguments.string("tag", length: 0...PublicFeedLimits.tagMaxLength))
            return try JSONValue(encoding: try await domain.publicFeed.search(query))
        }
    }
}
