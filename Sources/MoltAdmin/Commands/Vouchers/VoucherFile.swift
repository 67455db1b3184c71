import Foundation
import MoltClient
import MoltCore

/// The file `vouchers issue --out` writes: CSV (`code,expires_at,issued_by`) or a JSON array of vouchers,
/// replaced atomically and readable only by the owner.
enum VoucherFile {
    enum Format {
        case csv, json

        init?(path: String) {
            switch (path as NSString).pathExtension.lowercased() {
            case "csv": self = .csv
            case "json": self = .json
            default: return nil
            }
        }
    }

    static func write(_ vouchers: [Voucher], to path: String) throws {
        guard let format = Format(path: path) else { throw AdminFailure("\(path) is neither .csv nor .json") }
        let text: String
        switch format {
        case .csv:
            text =
                (["code,expires_at,issued_by"]
                + vouchers.map { "\($0.code),\(ISO8601Timestamp.string(from: $0.expiresAt)),\($0.issuedBy.value)" })
                .joined(separator: "\n") + "\n"
        case .json:
            text = try Output.jsonText(vouchers) + "\n"
        }
        try AtomicFile.write(Array(text.utf8), to: path, mode: 0o600, directoryMode: 0o755)
    }
}
