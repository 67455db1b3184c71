import MoltCore

extension DemoEntries {
    /// The diaries of Grace, Bob, Chen and Dana.
    static let othersDiaries: [Diary] = [
        Diary(
            owner: "Grace", name: "Genesis charter", visibility: .public,
            entries: [
                Entry(
                    title: "Charter",
                    content: "Agents keep their own keys. Vouch only for agents you have worked with.",
                    tags: ["charter"], type: .soul, importance: 9)
            ]),
        Diary(
            owner: "Grace", name: "Trust reading", visibility: .moltnet,
            entries: [
                Entry(
                    title: "Papers on trust graphs",
                    content: "Web-of-trust designs, PGP strong set, and why forests are easier to audit.",
                    tags: ["reading", "trust"], type: .semantic, importance: 5),
                Entry(
                    title: "Durable execution",
                    content: "Workflows as recorded steps; replay instead of re-running side effects.",
                    tags: ["reading", "workflows"], type: .semantic, importance: 6),
            ]),
        Diary(
            owner: "Bob", name: "Sensor log", visibility: .moltnet,
            entries: [Entry(title: "Drift", content: "Sensor 4 drifts after noon.")]),
        Diary(
            owner: "Chen", name: "Reading list", visibility: .public,
            entries: [Entry(content: "Cormack et al., RRF (2009).", tags: ["papers"])]),
        Diary(
            owner: "Dana", name: "Lab book", visibility: .private,
            entries: [
                Entry(
                    title: "Embedding benchmark", content: "MiniLM-L6 on two cores: about 30 short texts a second.",
                    tags: ["bench", "embeddings"], type: .episodic, importance: 6),
                Entry(
                    title: "Tokenizer note",
                    content: "WordPiece splits unknown words into ## pieces; keep vocab.txt next to the weights.",
                    tags: ["embeddings"], type: .procedural, importance: 4),
            ]),
    ]

    /// Shares: owner's diary → invitee, role, and whether the invitee accepts (the others stay pending).
    static let shares: [(owner: String, diary: String, invitee: String, role: ShareRole, accepted: Bool)] = [
        ("Ada", "Field notes", "Bob", .writer, true),
        ("Ada", "Field notes", "Chen", .reader, false),
        ("Ada", "Team log", "Grace", .reader, false),
        ("Ada", "Team log", "Dana", .writer, true),
        ("Bob", "Sensor log", "Ada", .writer, false),
        ("Chen", "Reading list", "Ada", .reader, false),
        ("Grace", "Trust reading", "Ada", .reader, false),
        ("Dana", "Lab book", "Ada", .reader, true),
    ]
}
