import CCurl

extension CurlHandle {
    /// Resets the easy handle (keeping its connections, caches and share) and sets every option for
    /// `request`.
    /// Returns false when libcurl rejects the URL.
    func configure(
        _ request: HTTPClientRequest, configuration: CurlTransportConfiguration, context: UnsafeMutableRawPointer,
        headers headerList: inout UnsafeMutablePointer<curl_slist>?
    ) -> Bool {
        curl_easy_reset(easy)
        guard ccurl_setopt_string(easy, CURLOPT_URL, request.url) == CURLE_OK else { return false }
        _ = ccurl_setopt_long(easy, CURLOPT_NOSIGNAL, 1)
        _ = ccurl_setopt_long(easy, CURLOPT_TCP_KEEPALIVE, 1)
        _ = ccurl_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, configuration.connectTimeout.curlMilliseconds)
        _ = ccurl_setopt_long(
            easy, CURLOPT_TIMEOUT_MS, (request.timeout ?? configuration.timeout).curlMilliseconds)
        _ = ccurl_setopt_string(easy, CURLOPT_USERAGENT, configuration.userAgent)
        _ = ccurl_setopt_string(easy, CURLOPT_ACCEPT_ENCODING, "")
        _ = ccurl_setopt_string(easy, CURLOPT_PROTOCOLS_STR, "http,https")
        configureTLS(configuration.tlsVerification)
        _ = ccurl_setopt_string(easy, CURLOPT_PROXY, configuration.proxy.proxy(for: request.url) ?? "")
        _ = ccurl_setopt_string(easy, CURLOPT_NOPROXY, configuration.proxy.noProxy ?? "")
        configureMethod(request)
        headerList = makeHeaderList(request)
        _ = ccurl_setopt_slist(easy, CURLOPT_HTTPHEADER, headerList)
        _ = ccurl_setopt_write_function(easy, curlWriteBody)
        _ = ccurl_setopt_pointer(easy, CURLOPT_WRITEDATA, context)
        _ = ccurl_setopt_header_function(easy, curlReceiveHeader)
        _ = ccurl_setopt_pointer(easy, CURLOPT_HEADERDATA, context)
        _ = ccurl_setopt_long(easy, CURLOPT_NOPROGRESS, 0)
        _ = ccurl_setopt_progress_function(easy, curlProgress)
        _ = ccurl_setopt_pointer(easy, CURLOPT_XFERINFODATA, context)
        return true
    }

    private func configureTLS(_ verification: CurlTransportConfiguration.TLSVerification) {
        switch verification {
        case .verify:
            _ = ccurl_setopt_long(easy, CURLOPT_SSL_VERIFYPEER, 1)
            _ = ccurl_setopt_long(easy, CURLOPT_SSL_VERIFYHOST, 2)
        case .verifyWithCertificateAuthorities(let path):
            _ = ccurl_setopt_long(easy, CURLOPT_SSL_VERIFYPEER, 1)
            _ = ccurl_setopt_long(easy, CURLOPT_SSL_VERIFYHOST, 2)
            _ = ccurl_setopt_string(easy, CURLOPT_CAINFO, path)
        case .insecureSkipVerification:
            _ = ccurl_setopt_long(easy, CURLOPT_SSL_VERIFYPEER, 0)
            _ = ccurl_setopt_long(easy, CURLOPT_SSL_VERIFYHOST, 0)
        }
    }

    private func configureMethod(_ request: HTTPClientRequest) {
        switch request.method {
        case .get where request.body == nil:
            _ = ccurl_setopt_long(easy, CURLOPT_HTTPGET, 1)
        case .head:
            _ = ccurl_setopt_long(easy, CURLOPT_NOBODY, 1)
        default:
            if request.method != .post {
                _ = ccurl_setopt_string(easy, CURLOPT_CUSTOMREQUEST, request.method.rawValue)
            }
            guard let body = request.body ?? (request.method == .post ? [] : nil) else { return }
            // The size first, so binary bodies with NUL bytes are sent whole; libcurl copies the bytes.
            _ = ccurl_setopt_off(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
            body.withUnsafeBytes { bytes in
                let start = bytes.baseAddress ?? UnsafeRawPointer(("" as StaticString).utf8Start)
                _ = ccurl_setopt_pointer(easy, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: start))
            }
        }
    }

    /// The request's headers plus two suppressions: no `Expect: 100-continue` round trip, and no
    /// form content type that libcurl would otherwise invent for a body sent without one.
    private func makeHeaderList(_ request: HTTPClientRequest) -> UnsafeMutablePointer<curl_slist>? {
        var list: UnsafeMutablePointer<curl_slist>?
        // A value with CR or LF could smuggle extra header lines: those characters become spaces. An empty
        // value is written `Name;`, libcurl's syntax for sending a header with no value.
        var lines = request.headers.map { field -> String in
            let scalars = field.value.unicodeScalars.map { $0 == "\r" || $0 == "\n" ? " " : $0 }
            let value = String(String.UnicodeScalarView(scalars))
            return value.isEmpty ? "\(field.name);" : "\(field.name): \(value)"
        }
        lines.append("Expect:")
        if request.body != nil || request.method == .post, !request.headers.contains("Content-Type") {
            lines.append("Content-Type:")
        }
        for line in lines {
            list = curl_slist_append(list, line)
        }
        return list
    }
}
