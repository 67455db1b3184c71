import Foundation

/// Lower-case random UUID strings for request ids.
enum UUIDString {
    static func random() -> String {
        UUID().uuidString.lowercased()
    }
}
