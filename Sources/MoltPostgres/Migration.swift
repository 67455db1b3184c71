public import Foundation
import MoltCore

/// One numbered schema change: a version, a name, and the SQL to run once.
public struct Migration: Sendable, Equatable {
    /// Orders migrations; each version is applied once.
    public let version: Int
    /// A short name, from the file name after the number (`0001_diaries.sql` → `diaries`).
    public let name: String
    /// The statements to run, in one transaction.
    public let sql: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }

    /// SHA-256 of the SQL, recorded when applied so an edited migration is noticed.
    public var checksum: String {
        Hex.encode(Digest.sha256(sql))
    }

    /// Loads `NNNN_name.sql` files from a directory, sorted by number; other files are ignored.
    public static func load(from directory: URL) throws -> [Migration] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        var migrations: [Migration] = []
        for fileName in names where fileName.hasSuffix(".sql") {
            let stem = fileName.dropLast(4)
            guard let underscore = stem.firstIndex(of: "_"), let version = Int(stem[..<underscore]) else {
                continue
            }
            let sql = try String(contentsOf: directory.appendingPathComponent(fileName), encoding: .utf8)
            migrations.append(
                Migration(version: version, name: String(stem[stem.index(after: underscore)...]), sql: sql))
        }
        migrations.sort { $0.version < $1.version }
        for (previous, next) in zip(migrations, migrations.dropFirst()) where previous.version == next.version {
            throw PostgresError(.migration, message: "two migrations share version \(next.version)")
        }
        return migrations
    }
}
