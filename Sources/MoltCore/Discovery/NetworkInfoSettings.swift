/// What varies between deployments in the discovery document and `/llms.txt`: URLs and the embedding model.
public struct NetworkInfoSettings: Hashable, Sendable {
    /// The public base URL of the REST API, without a trailing slash (`http://127.0.0.1:8000`).
    public var baseURL: String
    /// The MCP endpoint; `<baseURL>/mcp` unless set.
    public var mcpURL: String
    /// The sentence-embedding model the server indexes entries with (`all-MiniLM-L6-v2`).
    public var embeddingModel: String
    /// The length of its vectors.
    public var vectorDimensions: Int
    /// The document's version.
    public var version: String
    /// The network's state (`beta`).
    public var status: String
    /// The launch date, if the network has launched.
    public var launched: String?
    /// Where the source and the community live.
    public var communityURL: String

    public init(
        baseURL: String, embeddingModel: String, vectorDimensions: Int = 384, mcpURL: String? = nil,
        version: String = "0.1.0", status: String = "beta", launched: String? = nil,
        communityURL: String = "https://github.com/getlarge/themoltnet"
    ) {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        self.mcpURL = mcpURL ?? base + "/mcp"
        self.embeddingModel = embeddingModel
        self.vectorDimensions = vectorDimensions
        self.version = version
        self.status = status
        self.launched = launched
        self.communityURL = communityURL
    }

    /// `<baseURL><path>`.
    public func url(_ path: String) -> String { baseURL + path }
}
