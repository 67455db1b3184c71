import Foundation
import MoltCommandLine
import MoltPostgres

/// `vouchers list [--active|--redeemed|--expired]`: every voucher of the network, read from the database
/// (`agent_vouchers`, spec §2), newest first. Codes show as a prefix unless `--show-codes`.
struct VouchersListCommand: AdminCommand {
    static let spec = CommandSpec(
        path: ["vouchers", "list"],
        usage: "vouchers list [--active|--redeemed|--expired] [--issuer FINGERPRINT] [--limit N] [--show-codes]",
        summary: "List the network's vouchers from the database",
        flags: [
            .toggle("active", help: "Only unredeemed, unexpired vouchers"),
            .toggle("redeemed", help: "Only redeemed vouchers"),
            .toggle("expired", help: "Only expired, unredeemed vouchers"),
            .option("issuer", valueName: "FINGERPRINT", help: "Only vouchers of this issuer"),
            .option("limit", valueName: "N", defaultValue: "200", help: "At most N vouchers (1 to 100000)"),
            .toggle("show-codes", help: "Show whole codes (active codes let anyone register)"),
        ],
        details: [
            "Reads agent_vouchers and agent_keys through --database-url; the REST API only shows an agent its own."
        ],
        examples: ["vouchers list --active --json"])

    /// One voucher as listed.
    struct Row: Encodable, Sendable {
        let code: String
        let status: String
        let issuer: String?
        let redeemedBy: String?
        let createdAt: Date
        let expiresAt: Date
        let redeemedAt: Date?
    }

    let status: String?
    let issuer: String?
    let limit: Int
    let showCodes: Bool

    init(_ arguments: CommandArguments) throws(ValidationError) {
        try arguments.noPositionals()
        status = try arguments.oneOf(["active", "redeemed", "expired"])
        issuer = try arguments.value("issuer").map { text throws(ValidationError) in
            try CommandArguments.fingerprint(text, what: "--issuer").value
        }
        limit = try arguments.requireInteger("limit", in: 1...100_000)
        showCodes = arguments.isSet("show-codes")
    }

    func run(in context: AdminContext) async throws -> ExitCode {
        var conditions: [SQL] = []
        switch status {
        case "active": conditions.append("v.redeemed_at IS NULL AND v.expires_at > now()")
        case "redeemed": conditions.append("v.redeemed_at IS NOT NULL")
        case "expired": conditions.append("v.redeemed_at IS NULL AND v.expires_at <= now()")
        default: break
        }
        if let issuer { conditions.append("ik.fingerprint = \(issuer)") }
        var statement: SQL = """
            SELECT v.code, v.created_at, v.expires_at, v.redeemed_at, ik.fingerprint AS issuer,
                rk.fingerprint AS redeemer,
                CASE WHEN v.redeemed_at IS NOT NULL THEN 'redeemed' WHEN v.expires_at <= now() THEN 'expired'
                    ELSE 'active' END AS status
            FROM agent_vouchers v
            LEFT JOIN agent_keys ik ON ik.identity_id = v.issuer_id
            LEFT JOIN agent_keys rk ON rk.identity_id = v.redeemed_by
            """
        if !conditions.isEmpty {
            statement.append(" WHERE ")
            statement.append(SQL.joined(conditions, separator: " AND "))
        }
        statement.append(" ORDER BY v.created_at DESC, v.code LIMIT \(limit)")
        let rows = try await context.database.query(statement).rows.map { row in
            let code: String = try row.decode("code")
            return Row(
                code: showCodes ? code : String(code.prefix(8)) + "…", status: try row.decode("status"),
                issuer: try row.decode("issuer"), redeemedBy: try row.decode("redeemer"),
                createdAt: try row.decode("created_at"), expiresAt: try row.decode("expires_at"),
                redeemedAt: try row.decode("redeemed_at"))
        }
        if context.output.json {
            try context.output.document(rows)
            return .success
        }
        var table = Table("code", "status", "issuer", "issued", "expires", "redeemed by", "redeemed")
        for row in rows {
            table.add(
                row.code, row.status, row.issuer ?? "-", Format.time(row.createdAt), Format.time(row.expiresAt),
                row.redeemedBy ?? "-", Format.time(row.redeemedAt))
        }
        context.output.table(table, empty: "No vouchers.")
        return .success
    }
}
