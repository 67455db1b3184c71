import CCurl

extension CurlHandle {
    /// Maps a libcurl result to the transport error a caller can act on.
    func error(
        for code: CURLcode, request: HTTPClientRequest, transfer: CurlTransfer, detail: String
    ) -> HTTPTransportError {
        let kind: HTTPTransportError.Code
        switch code {
        case CURLE_ABORTED_BY_CALLBACK:
            kind = .cancelled
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            kind = .hostNotFound
        case CURLE_COULDNT_CONNECT:
            kind = .connectionRefused
        case CURLE_OPERATION_TIMEDOUT:
            kind = connectionEstablished ? .timeout : .connectTimeout
        case CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE:
            kind = .connectionLost
        case CURLE_SSL_CONNECT_ERROR:
            kind = .tlsHandshake
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
            CURLE_SSL_ISSUER_ERROR, CURLE_SSL_CRL_BADFILE:
            kind = .tlsCertificate
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL:
            kind = .invalidRequest
        default:
            kind = transfer.isCancelled ? .cancelled : .other
        }
        let message = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
        return HTTPTransportError(
            kind, method: request.method, url: request.redactedURL, curlCode: Int(code.rawValue), detail: message)
    }

    /// Whether the last transfer got as far as a connected socket (a reused connection counts).
    private var connectionEstablished: Bool {
        var connectMicroseconds: curl_off_t = 0
        _ = ccurl_getinfo_off(easy, CURLINFO_CONNECT_TIME_T, &connectMicroseconds)
        return connectMicroseconds > 0
    }
}
