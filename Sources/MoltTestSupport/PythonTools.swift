public import Foundation

/// The project-local Python tools (`scripts/python-tools.sh`): the DBOS CLI and SDK, dbos==3.4.0.
///
/// Shared by the MoltWorkflows and MoltClient interoperability tests. Tests that need them fail, with the command that installs them, when they are missing: they never skip.
public enum PythonTools {
    /// `.moltnet/python/bin` in the repository.
    public static let binDirectory = Fixtures.repositoryRoot.appendingPathComponent(".moltnet/python/bin")

    /// Why a tool could not be run.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The output of a finished command.
    public struct Output: Sendable {
        public let status: Int32
        public let standardOutput: String
        public let standardError: String
    }

    /// The path of a tool in the venv, or a failure saying how to install it.
    public static func tool(_ name: String) throws -> String {
        let path = binDirectory.appendingPathComponent(name).path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw Failure(
                description: "\(path) is missing: run `scripts/python-tools.sh` to install dbos==3.4.0 into "
                    + ".moltnet/python (needs python3 with venv and access to PyPI)")
        }
        return path
    }

    /// Runs a venv tool with `arguments`, waiting at most `timeout`.
    public static func run(_ name: String, _ arguments: [String], timeout: Duration = .seconds(120)) async throws
        -> Output
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try tool(name))
        process.arguments = arguments
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("molt-py-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("out")
        let errURL = folder.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        defer {
            try? out.close()
            try? err.close()
        }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while process.isRunning {
            if clock.now > deadline {
                process.terminate()
                throw Failure(description: "\(name) \(arguments.first ?? "") did not finish within \(timeout)")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        return Output(
            status: process.terminationStatus,
            standardOutput: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
            standardError: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
    }

    /// Runs `dbos <arguments>` and returns the JSON it prints.
    public static func dbosJSON(_ arguments: [String]) async throws -> String {
        let output = try await run("dbos", arguments)
        guard output.status == 0 else {
            throw Failure(
                description: "dbos \(arguments.prefix(2).joined(separator: " ")) exited \(output.status): "
                    + output.standardError.suffix(2000))
        }
        return output.standardOutput
    }
}
