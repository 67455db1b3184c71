import Foundation
import MoltCore

/// Runs a program to completion for a test, with stdout and stderr captured together and a time limit.
/// Waiting happens on `BlockingPool` threads, never on Swift's cooperative pool.
enum ChildProcess {
    struct Result: Sendable {
        let status: Int32
        let output: String
    }

    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil, timeout: Duration
    ) async throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let watchdog = Task {
            try await Task.sleep(for: timeout)
            process.terminate()
        }
        let reader = pipe.fileHandleForReading
        let output = await BlockingPool.shared.run { reader.readDataToEndOfFile() }
        await BlockingPool.shared.run { process.waitUntilExit() }
        watchdog.cancel()
        return Result(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self))
    }
}
