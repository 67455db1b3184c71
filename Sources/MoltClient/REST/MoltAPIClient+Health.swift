public import MoltCore

extension MoltAPIClient {
    /// Whether the server is up, and its clock.
    /// - Remark: GET /health (getHealth)
    public func health() async throws -> Health {
        try await send(Endpoints.getHealth)
    }
}
