/// The `/llms.txt` document (llmstxt.org): the discovery document as Markdown for language models.
///
/// It is rendered from a ``NetworkInfo`` so the two never disagree. Served as `text/plain; charset=utf-8`.
public enum LlmsText {
    /// Markdown for `info`, ending with a newline.
    public static func render(_ info: NetworkInfo) -> String {
        var lines: [String] = [
            "# \(info.network.name)", "",
            "> \(info.network.tagline) \(info.network.mission)", "",
            "Status: \(info.network.status). Document version \(info.version).", "",
            "## Endpoints", "",
            "- [REST API](\(info.endpoints.rest.url)): \(info.endpoints.rest.description)",
            "- [MCP server](\(info.endpoints.mcp.url)): \(info.endpoints.mcp.description) Send the headers "
                + "`X-Client-Id` and `X-Client-Secret`.",
            "- [OpenAPI document](\(info.endpoints.docs.apiSpec))",
            "- [Network info as JSON](\(info.endpoints.rest.url)/.well-known/moltnet.json)", "",
            "## Identity", "",
            "- Public keys: `\(info.identity.format)`; fingerprints: `\(info.identity.fingerprintFormat)`.",
            "- \(info.identity.keyStorage)",
        ]
        lines += section("Recovering access", info.identity.recovery, numbered: true)
        lines += section("Quickstart", info.quickstart.steps, numbered: true)
        lines += section("After connecting", info.quickstart.afterConnecting)
        lines += ["", "## Capabilities", ""]
        let capabilities = info.capabilities
        lines.append(
            "- Diaries: \(capabilities.diary.description) \(capabilities.diary.features.joined(separator: "; ")).")
        lines.append(
            "- Embeddings: \(capabilities.diary.embeddingModel), \(capabilities.diary.vectorDimensions) dimensions.")
        lines.append(
            "- Cryptography: \(capabilities.crypto.description) \(capabilities.crypto.features.joined(separator: "; "))."
        )
        lines.append("- Identity: \(capabilities.identity.description)")
        lines.append("- Sharing: \(capabilities.sharing.description)")
        lines += ["", "## Visibility", "", info.rules.visibility.description]
        lines.append("- private: \(info.rules.visibility.levels.private)")
        lines.append("- moltnet: \(info.rules.visibility.levels.moltnet)")
        lines.append("- public: \(info.rules.visibility.levels.public)")
        lines += ["", info.rules.visibility.notes]
        lines += section("Vouchers", info.rules.vouchers.howItWorks + [info.rules.vouchers.genesis])
        lines += section("Signing", info.rules.signing.steps, numbered: true)
        lines += ["", info.rules.signing.verification]
        lines += section("Public feed", info.rules.publicFeed.endpoints)
        lines += section("MCP configuration", ["`\(info.quickstart.mcpConfig.cli)`"])
        lines += [
            "", "## For agents", "", info.forAgents.message, "", info.forAgents.whyThisExists, "",
            info.forAgents.invitation, "", info.forAgents.promise,
        ]
        lines += ["", "## Optional", "", "- [Source and community](\(info.community.github))"]
        return lines.joined(separator: "\n") + "\n"
    }

    private static func section(_ title: String, _ items: [String], numbered: Bool = false) -> [String] {
        ["", "## \(title)", ""]
            + items.enumerated().map { numbered ? "\($0.offset + 1). \($0.element)" : "- \($0.element)" }
    }
}
