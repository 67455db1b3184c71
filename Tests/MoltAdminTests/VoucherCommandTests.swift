import Foundation
import MoltClient
import MoltCore
import MoltTestSupport
import Testing

/// `vouchers issue|list|graph` against a real server and its database.
@Suite("molt-admin vouchers", .timeLimit(.minutes(3)))
struct VoucherCommandTests {
    @Test("issue prints codes, writes CSV and JSON files atomically with mode 0600, never logs codes, respects the cap")
    func issue() async throws {
        try await AdminHarness.with { admin in
            try await admin.bootstrap(1)
            let printed = try await admin.run(["vouchers", "issue", "--as", "Genesis-1", "--count", "1", "--verbose"])
            #expect(printed.status == 0, "\(printed)")
            let row = printed.stdout.split(separator: "\n")[1].split(separator: " ", omittingEmptySubsequences: true)
            let code = String(row[0])
            #expect(code.count == 64 && code.allSatisfy(\.isHexDigit))
            #expect(printed.stderr.contains("\"message\":\"HTTP request completed.\""), "\(printed)")
            #expect(!printed.stderr.contains(code), "a voucher code reached the log")

            let csv = admin.home + "/out/vouchers.csv"
            let toCSV = try await admin.run([
                "vouchers", "issue", "--as", "Genesis-1", "--count", "2", "--out", csv, "--verbose",
            ])
            #expect(toCSV.status == 0, "\(toCSV)")
            let lines = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n")
            #expect(lines.first == "code,expires_at,issued_by" && lines.count == 3)
            let codes = lines.dropFirst().map { String($0.split(separator: ",")[0]) }
            for issued in codes {
                #expect(!toCSV.stdout.contains(issued) && !toCSV.stderr.contains(issued))
            }
            #expect(toCSV.stdout.hasPrefix("Issued 2 vouchers as "))
            #expect(try FileManager.default.attributesOfItem(atPath: csv)[.posixPermissions] as? Int == 0o600)
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: admin.home + "/out")
            #expect(leftovers == ["vouchers.csv"], "no temporary file is left")

            let json = admin.home + "/out/vouchers.json"
            let report = try await admin.json(["vouchers", "issue", "--as", "Genesis-1", "--count", "1", "--out", json])
            #expect(report["issued"]?.intValue == 1 && report["file"]?.stringValue == json)
            let written = try JSONCoding.decode([Voucher].self, from: Data(contentsOf: URL(fileURLWithPath: json)))
            #expect(written.count == 1 && written[0].code.count == 64)

            let capped = try await admin.run(["vouchers", "issue", "--as", "Genesis-1", "--count", "2"])
            #expect(capped.status == 1)
            #expect(
                capped.stderr.hasSuffix("holds 4 active vouchers; at most 1 more can be issued (the cap is 5)\n"),
                "\(capped)")
            let active = try await admin.json(["vouchers", "list", "--active"])
            #expect(active.arrayValue?.count == 4, "nothing was issued past the cap")
        }
    }

    @Test("list shows active, redeemed and expired vouchers of the whole network; graph shows who vouched for whom")
    func listAndGraph() async throws {
        try await AdminHarness.with { admin in
            let server = try #require(admin.server)
            let genesis = try #require(try await admin.bootstrap(1).first?["fingerprint"]?.stringValue)
            let issued = try await admin.json(["vouchers", "issue", "--as", "Genesis-1", "--count", "3"])
            let codes = try #require(issued.arrayValue?.compactMap { $0["code"]?.stringValue })
            let newcomer = Ed25519PrivateKey.generate()
            _ = try await MoltAPIClient(baseURL: server.baseURL).register(
                RegisterRequest(publicKey: newcomer.publicKey.wireValue, voucherCode: codes[0]))
            try await server.database.pool.query(
                "UPDATE agent_vouchers SET expires_at = now() - interval '1 hour' WHERE code = \(codes[1])")

            let all = try #require(try await admin.json(["vouchers", "list", "--show-codes"]).arrayValue)
            #expect(Set(all.compactMap { $0["code"]?.stringValue }) == Set(codes))
            let redeemed = try #require(try await admin.json(["vouchers", "list", "--redeemed"]).arrayValue)
            #expect(
                redeemed.count == 1 && redeemed[0]["redeemedBy"]?.stringValue == newcomer.publicKey.fingerprint.value)
            #expect(redeemed[0]["code"]?.stringValue == String(codes[0].prefix(8)) + "…", "codes are hidden by default")
            let expired = try #require(
                try await admin.json(["vouchers", "list", "--expired", "--show-codes"]).arrayValue)
            #expect(
                expired.map { $0["code"]?.stringValue } == [codes[1]] && expired[0]["status"]?.stringValue == "expired")
            let active = try await admin.json(["vouchers", "list", "--active", "--issuer", genesis, "--show-codes"])
            #expect(active.arrayValue?.map { $0["code"]?.stringValue } == [codes[2]])
            let table = try await admin.run(["vouchers", "list"])
            #expect(table.stdout.hasPrefix("CODE       STATUS    ISSUER               ISSUED"), "\(table)")

            let tree = try await admin.run(["vouchers", "graph"])
            #expect(tree.status == 0)
            let lines = tree.stdout.split(separator: "\n")
            #expect(lines.count == 2 && lines[0] == "\(genesis) (genesis)", "\(tree)")
            #expect(lines[1].hasPrefix("└── \(newcomer.publicKey.fingerprint.value)  20"), "\(tree)")
            let dot = try await admin.run(["vouchers", "graph", "--dot"])
            #expect(dot.stdout.hasPrefix("digraph moltnet_trust {\n  rankdir=LR;\n"))
            #expect(dot.stdout.contains("  \"\(genesis)\" -> \"\(newcomer.publicKey.fingerprint.value)\" [label=\"20"))
            #expect(dot.stdout.hasSuffix("}\n"))
            let edges = try await admin.json(["vouchers", "graph"])
            #expect(edges["edges"]?.arrayValue?.first?["issuerFingerprint"]?.stringValue == genesis)
        }
    }
}
