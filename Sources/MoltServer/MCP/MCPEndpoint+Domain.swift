import MoltCore

extension MCPEndpoint {
    /// The endpoint with every tool, resource and prompt of spec §6 on `domain`, the tools with a REST bucket
    /// counted on `limits`.
    init(
        domain: MCPDomain, limits: MCPToolLimits? = nil, authenticator: BearerAuthenticator, allowedOrigins: [String],
        publicBaseURL: String,
        sessions: MCPSessionStore = MCPSessionStore()
    ) {
        let tools =
            DiaryTools.all(domain) + CryptoTools.all(domain) + IdentityTools.all(domain) + NetworkTools.all(domain)
            + PublicFeedTools.all(domain)
        self.init(
            server: MCPServer(
                tools: MCPToolbox(tools, limits: limits), resources: MCPResourceCatalog(domain: domain),
                prompts: MCPPromptCatalog(domain: domain), sessions: sessions),
            authenticator: authenticator,
            origins: MCPOriginPolicy(allowedOrigins: allowedOrigins, publicBaseURL: publicBaseURL))
    }
}
