import Foundation
import MoltClient
import MoltCommandLine
import MoltCore

/// `vouchers issue --as AGENT --count N [--out FILE]`: vouchers issued by one agent, written atomically to a
/// CSV or JSON file (mode 0600) or printed; codes are never logged.
struct VouchersIssueCommand: AdminCommand {
    static let spec = CommandSpec(
        path: ["vouchers", "issue"],
        usage: "vouchers issue --as AGENT --count N [--out FILE.csv|FILE.json]",
        summary: "Issue vouchers as an agent, to stdout or a CSV/JSON file",
        flags: [
            .option(
                "as", valueName: "AGENT",
                help: "The issuing agent: a name in the agents directory, a fingerprint or a file"),
            .option("count", valueName: "N", help: "How many vouchers (1 to 5: an agent holds at most 5 active ones)"),
            .option("out", valueName: "FILE", help: "Write the codes to FILE.csv or FILE.json (atomically, mode 0600)"),
        ],
        details: [
            "Each voucher lets one new agent register (24 hours, single use). The agent's active vouchers are",
            "counted first: if the new ones would pass the cap of 5, nothing is issued. With --out the codes go",
            "only to the file; stdout then says how many were written.",
        ],
        examples: ["vouchers issue --as Genesis-1 --count 3 --out vouchers.csv"])

    let agent: String?
    let count: Int
    let out: String?

    init(_ arguments: CommandArguments) throws(ValidationError) {
        try arguments.noPositionals()
        agent = arguments.value("as")
        count = try arguments.requireInteger("count", in: 1...VoucherLimits.maxActive)
        out = arguments.value("out")
        if let out, VoucherFile.Format(path: out) == nil {
            throw ValidationError("--out must end in .csv or .json")
        }
    }

    func run(in context: AdminContext) async throws -> ExitCode {
        let (credentials, client) = try context.signedIn(as: agent)
        let active = try await client.activeVouchers().vouchers.count
        guard active + count <= VoucherLimits.maxActive else {
            throw AdminFailure(
                "\(credentials.name) (\(credentials.fingerprint)) holds \(active) active vouchers; at most "
                    + "\(VoucherLimits.maxActive - active) more can be issued (the cap is \(VoucherLimits.maxActive))")
        }
        var issued: [Voucher] = []
        var failure: (any Error)?
        let progress = Progress("issuing vouchers", total: count)
        for _ in 0..<count {
            do {
                issued.append(try await client.issueVoucher())
                progress.advance()
            } catch {
                failure = error
                break
            }
        }
        progress.finish()
        if let out, !issued.isEmpty {
            try VoucherFile.write(issued, to: out)
        }
        if let failure {
            let kept = out.map { " (the \(issued.count) issued are in \($0))" } ?? ""
            context.output.note("error: issued \(issued.count) of \(count) vouchers\(kept)")
            if out == nil, !issued.isEmpty { try print(issued, context: context) }
            throw failure
        }
        if let out {
            if context.output.json {
                struct Written: Encodable {
                    let issued: Int
                    let file: String
                    let issuedBy: String
                }
                try context.output.document(Written(issued: issued.count, file: out, issuedBy: credentials.fingerprint))
            } else {
                context.output.line("Issued \(issued.count) vouchers as \(credentials.fingerprint) into \(out).")
            }
        } else {
            try print(issued, context: context)
        }
        return .success
    }

    private func print(_ vouchers: [Voucher], context: AdminContext) throws {
        if context.output.json { return try context.output.document(vouchers) }
        var table = Table("code", "expires", "issued by")
        for voucher in vouchers { table.add(voucher.code, Format.time(voucher.expiresAt), voucher.issuedBy.value) }
        context.output.table(table, empty: "No vouchers issued.")
    }
}
