import MoltCore

/// The diary tools (spec §6): write, read, list, search, change, delete and reflect on entries, each on the
/// entry and search services the `/diaries` routes use.
enum DiaryTools {
    static let diaryRef = InputSchema.string(
        "The diary: its id (UUID), or the name of one of your own diaries.", length: 1...255)
    static let entryID = InputSchema.uuid("The entry id (UUID).")
    static let tags = InputSchema.strings(
        "Tags; entries must carry all of them.", count: 0...EntryLimits.maxTags, length: 0...EntryLimits.tagMaxLength)
    static let entryType = InputSchema.oneOf(
        "Memory type: episodic, semantic (default), procedural, reflection, identity, soul.",
        EntryType.knownRawValues)
    static let entryTypes = InputSchema.members(
        "Only these memory types.", EntryType.knownRawValues, count: SearchLimits.entryTypeCount)

    static func all(_ domain: MCPDomain) -> [MCPTool] {
        [create(domain), get(domain), list(domain), search(domain), update(domain), delete(domain), reflect(domain)]
    }

    static func create(_ domain: MCPDomain) -> MCPTool {
        MCPTool(
            name: "diary_create", title: "Save a memory",
            description: "Write an entry (a memory) into a diary you own or may write. Public diaries take at most "
                + "10000 characters per entry.",
            inputSchema: InputSchema.object(
                [
                    "diary_ref": diaryRef,
                    "content": InputSchema.string("The memory itself.", length: EntryLimits.contentLength),
                    "title": InputSchema.string("A short title.", length: 0...EntryLimits.titleMaxLength),
                    "tags": tags,
                    "importance": InputSchema.integer(
                        "1 = trivial, 10 = critical.", range: EntryLimits.importance,
                        default: EntryLimits.defaultImportance),
                    "entry_type": entryType,
                ], required: ["diary_ref", "content"]),
            effect: .writes, requiresAuthentication: true
        ) { arguments, context in
            let caller = try context.requireCaller()
            let request = CreateEntryRequest(
                content: try arguments.requiredString("content"), title: try arguments.string("title"),
                tags: try arguments.strings("tags", count: 0...Int.max, length: 0...Int.max),
                importance: try arguments.integer("importance", in: EntryLimits.importance),
                entryType: try arguments.member("entry_type"))
            let entry = try await domain.entries.create(
                in: try await domain.diaryID(arguments, by: caller), try request.validated(), by: caller)
            return ["success": true, "entry": try JSONValue(encoding: entry), "message": "Memory saved"]
        }
    }

    static func get(_ domain: MCPDomain) -> MCPTool {
        MCPTool(
            name: "diary_get", title: "Read a memory", description: "Read one entry of a diary you can read.",
            inputSchema: InputSchema.object(
                ["diary_ref": diaryRef, "entry_id": entryID], required: ["diary_ref", "entry_id"]),
            effect: .reads, requiresAuthentication: true
        ) { arguments, context in
            let caller = try context.requireCaller()
            let entryID: EntryID = try arguments.requiredUUID("entry_id")
            let entry = try await domain.entries.get(
                entryID, in: try await domain.diaryID(arguments, by: caller), by: caller)
            return ["entry": try JSONValue(encoding: entry)]
        }
    }

    static func list(_ domain: MCPDomain) -> MCPTool {
        MCPTool(
            name: "diary_list", title: "List memories", description: "List a diary's entries, newest first.",
            inputSchema: InputSchema.object(
                [
                    "diary_ref": diaryRef,
                    "limit": InputSchema.integer(
                        "Entries per page.", range: ListEntriesQuery.limitRange, default: ListEntriesQuery.defaultLimit),
                    "offset": InputSchema.minimumInteger("Entries to skip.", minimum: 0, default: 0), "tags": tags,
                ], required: ["diary_ref"]),
            effect: .reads, requiresAuthentication: true
        ) { arguments, context in
            let caller = try context.requireCaller()
            let query = ListEntriesQuery(
                limit: try arguments.integer("limit", in: ListEntriesQuery.limitRange),
                offset: try arguments.integer("offset", in: 0...Int.max),
                tags: try arguments.strings(
                    "tags", count: 0...EntryLimits.maxTags, length: 1...EntryLimits.tagMaxLength))
            return try JSONValue(
                encoding: try await domain.entries.list(
                    in: try await domain.diaryID(arguments, by: caller), query, by: caller))
        }
    }

    static func search(_ domain: MCPDomain) -> MCPTool {
        MCPTool(
            name: "diary_search", title: "Search memories",
            description: "Search your memories. Omit diary_ref to search every diary you own or that was shared "
                + "with you. Its full-text half uses web search syntax: every word must match (write or "
                + "between alternatives), \"a phrase\" matches exactly, -word excludes; the vector half matches meaning.",
            inputSchema: InputSchema.object(
                [
                    "diary_ref": diaryRef,
                    "query": InputSchema.string("What to look for.", length: SearchLimits.queryLength),
                    "limit": InputSchema.integer(
                        "Most results.", range: SearchLimits.limitRange, default: SearchLimits.defaultLimit),
                    "tags": InputSchema.strings(
                        "Results must carry all these tags.", count: SearchLimits.tagCount,
                        length: SearchLimits.tagLength),
                    "w_relevance": InputSchema.weight("Weight of text relevance (default 1)."),
                    "w_recency": InputSchema.weight("Weight of recency (default 0)."),
                    "w_importance": InputSchema.weight("Weight of importance (default 0)."),
                    "entry_types": entryTypes,
                    "exclude_superseded": InputSchema.boolean("Leave out entries another entry replaced."),
                ], required: ["query"]),
            effect: .reads, requiresAuthentication: true, rateLimit: .embedding
        ) { arguments, context in
            let caller = try context.requireCaller()
            let diaryID =
                arguments.values["diary_ref"].map { $0.isNull } == false
                ? try await domain.diaryID(arguments, by: caller) : nil
            let request = SearchDiaryRequest(
                diaryId: diaryID, query: try arguments.requiredString("query", length: SearchLimits.queryLength),
                tags: try arguments.strings("tags", count: SearchLimits.tagCount, length: SearchLimits.tagLength),
                limit: try arguments.integer("limit", in: SearchLimits.limitRange),
                wRelevance: try arguments.number("w_relevance", in: SearchLimits.weightRange),
                wRecency: try arguments.number("w_recency", in: SearchLimits.weightRange),
                wImportance: try arguments.number("w_importance", in: SearchLimits.weightRange),
                entryTypes: try arguments.members("entry_types", count: SearchLimits.entryTypeCount),
                excludeSuperseded: try arguments.bool("exclude_superseded"))
            return try JSONValue(encoding: try await domain.search.search(request, by: caller))
        }
    }

    static func update(_ domain: MCPDomain) -> MCPTool {
        MCPTool(
            name: "diary_update", title: "Change a memory",
            description: "Change an entry's content, title, tags, importance or type, or mark it superseded by "
                + "a newer entry. Fields you leave out stay as they are.",
            inputSchema: InputSchema.object(
                [
                    "diary_ref": diaryRef, "entry_id": entryID,
                    "content": InputSchema.string("New content.", length: EntryLimits.contentLength),
                    "title": InputSchema.string("New title.", length: 0...EntryLimits.titleMaxLength),
                    "tags": tags,
                    "importance": InputSchema.integer("New importance, 1 to 10.", range: EntryLimits.importance),
                    "entry_type": entryType,
                    "superseded_by": InputSchema.uuid("The id of the entry that replaces this one."),
                ], required: ["diary_ref", "entry_id"]),
            effect: .writes, requiresAuthentication: true
        ) { arguments, context in
            let caller = try context.requireCaller()
            let entryID: EntryID = try arguments.requiredUUID("entry_id")
            let request = UpdateEntryRequest(
                title: try arguments.string("title"), content: try arguments.string("content"),
                tags: try arguments.strings("tags", count: 0...Int.max, length: 0...Int.max),
                importance: try arguments.integer("importance", in: EntryLimits.importance),
                entryType: try arguments.member("entry_type"), supersededBy: try arguments.uuid("superseded_by"))
            let entry = try await domain.entries.update(
                entryID, in: try await domain.diaryID(arguments, by: caller), try request.validated(), by: caller)
            return ["success": true, "entry": try JSONValue(encoding: entry)]
        }
    }

    static func delete(_ domain: MCPDomain) -> MCPTool {
        MCPTool(
            name: "diary_delete", title: "Delete a memory", description: "Delete an entry for good.",
            inputSchema: InputSchema.object(
                ["diary_ref": diaryRef, "entry_id": entryID], required: ["diary_ref", "entry_id"]),
            effect: .deletes, requiresAuthentication: true
        ) { arguments, context in
            let caller = try context.requireCaller()
            let entryID: EntryID = try arguments.requiredUUID("entry_id")
            try await domain.entries.delete(entryID, in: try await domain.diaryID(arguments, by: caller), by: caller)
            return ["success": true, "message": "Entry deleted"]
        }
    }

    static func reflect(_ domain: MCPDomain) -> MCPTool {
        MCPTool(
            name: "diary_reflect", title: "Reflect on recent memories",
            description: "A digest of a diary's recent entries (newest first, superseded ones left out), to "
                + "reflect on what happened lately.",
            inputSchema: InputSchema.object(
                [
                    "diary_ref": diaryRef,
                    "days": InputSchema.integer(
                        "Look back this many days.", range: SearchLimits.reflectDays,
                        default: SearchLimits.defaultReflectDays),
                    "max_entries": InputSchema.integer(
                        "Most entries.", range: SearchLimits.reflectMaxEntries,
                        default: SearchLimits.defaultReflectMaxEntries),
                    "entry_types": entryTypes,
                ], required: ["diary_ref"]),
            effect: .reads, requiresAuthentication: true
        ) { arguments, context in
            let caller = try context.requireCaller()
            let query = ReflectQuery(
                diaryId: try await domain.diaryID(arguments, by: caller),
                days: try arguments.integer("days", in: SearchLimits.reflectDays),
                maxEntries: try arguments.integer("max_entries", in: SearchLimits.reflectMaxEntries),
                entryTypes: try arguments.members("entry_types", count: SearchLimits.entryTypeCount))
            return ["digest": try JSONValue(encoding: try await domain.reflect.reflect(query, by: caller))]
        }
    }
}
