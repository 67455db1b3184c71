import Foundation
import MoltTestSupport
import Testing

/// The built `molt` binary: output and exit status of its non-interactive paths.
@Suite("The molt executable")
struct MoltExecutableTests {
    struct Outcome {
        var status: Int32
        var output: String
        var error: String
    }

    func run(_ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try BuiltProducts.executable("molt"))
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
            error: String(decoding: err, as: UTF8.self))
    }

    @Test("--help prints the help on stdout and exits 0")
    func help() throws {
        let outcome = try run(["--help"])
        #expect(outcome.status == 0)
        #expect(outcome.error == "")
        assertSnapshot(outcome.output, named: "help")
    }

    @Test("--version prints the version")
    func version() throws {
        let outcome = try run(["--version"])
        #expect(outcome.status == 0)
        #expect(outcome.output == "molt 0.1.0\n")
    }

    @Test("a bad flag is a usage error: message on stderr, exit 2")
    func usage() throws {
        let outcome = try run(["--bogus"])
        #expect(outcome.status == 2)
        #expect(outcome.output == "")
        #expect(
            outcome.error
                == "error: unknown option --bogus\nusage: molt [options] [login | register --voucher CODE | bench]\nTry 'molt --help'.\n"
        )
    }

    @Test("without a terminal the console refuses to start, exit 1")
    func noTerminal() throws {
        let outcome = try run(["--api-url", "http://127.0.0.1:1"])
        #expect(outcome.status == 1)
        #expect(outcome.error == "error: molt needs a terminal (stdin and stdout must be a tty)\n")
    }

    @Test("bench prints its measures")
    func bench() throws {
        let outcome = try run(["bench", "--rows", "2000"])
        #expect(outcome.status == 0)
        let labels = outcome.output.split(separator: "\n").map { $0.split(separator: " ").first.map(String.init) ?? "" }
        #expect(labels == ["rows", "load", "first", "key", "filter", "clear", "memory"])
    }
}
