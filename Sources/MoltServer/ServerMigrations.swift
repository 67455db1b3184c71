import Foundation
public import MoltPostgres

/// The server's schema: the numbered `.sql` files under `Sources/MoltServer/Migrations`, bundled as resources.
public enum ServerMigrations {
    /// Every migration, in order.
    public static func all() throws -> [Migration] {
        guard let folder = Bundle.module.url(forResource: "Migrations", withExtension: nil) else {
            throw PostgresError(.migration, message: "the server's migrations are missing from its resource bundle")
        }
        return try Migration.load(from: folder)
    }
}
