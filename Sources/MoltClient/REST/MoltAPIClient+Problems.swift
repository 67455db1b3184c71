public import MoltCore

extension MoltAPIClient {
    /// Every problem type the API answers with.
    /// - Remark: GET /problems (listProblemTypes)
    public func problemTypes() async throws -> [ProblemTypeInfo] {
        try await send(Endpoints.listProblemTypes)
    }

    /// One problem type, by slug (`not-found`).
    /// - Remark: GET /problems/{type} (getProblemType)
    public func problemType(_ slug: String) async throws -> ProblemTypeInfo {
        try await send(Endpoints.getProblemType, path: ["type": slug])
    }
}
