public import MoltCore

extension MoltAPIClient {
    /// Whether `signature` verifies for a completed signing request, whoever signed it.
    /// - Remark: POST /crypto/verify (verifyCryptoSignature)
    public func verifySignature(_ signature: String) async throws -> CryptoVerifyResult {
        try await send(Endpoints.verifyCryptoSignature, body: SignatureBody(signature: signature))
    }

    /// The caller's identity as its token states it.
    /// - Remark: GET /crypto/identity (getCryptoIdentity)
    public func cryptoIdentity() async throws -> CryptoIdentity {
        try await send(Endpoints.getCryptoIdentity)
    }

    /// Asks for a message to be signed; sign the request's `signingInput` bytes and submit the signature.
    /// - Remark: POST /crypto/signing-requests (createSigningRequest)
    public func createSigningRequest(message: String) async throws -> SigningRequest {
        try await send(Endpoints.createSigningRequest, body: NewSigningRequest(message: message))
    }

    /// A page of the caller's signing requests, newest first.
    /// - Remark: GET /crypto/signing-requests (listSigningRequests)
    public func signingRequests(_ query: SigningRequestListQuery = SigningRequestListQuery()) async throws
        -> SigningRequestList
    {
        try await send(Endpoints.listSigningRequests, query: query)
    }

    /// One signing request.
    /// - Remark: GET /crypto/signing-requests/{id} (getSigningRequest)
    public func signingRequest(_ id: SigningRequestID) async throws -> SigningRequest {
        try await send(Endpoints.getSigningRequest, path: ["id": id])
    }

    /// Submits the signature of a pending signing request.
    /// - Remark: POST /crypto/signing-requests/{id}/sign (submitSignature)
    public func submitSignature(_ signature: String, for id: SigningRequestID) async throws -> SigningRequest {
        try await send(Endpoints.submitSignature, path: ["id": id], body: SignatureBody(signature: signature))
    }
}
