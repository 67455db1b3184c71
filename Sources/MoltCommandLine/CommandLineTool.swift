import Foundation

/// Runs an executable's main body and turns its outcome into output and an exit status.
///
/// `HelpRequested` prints on stdout and exits 0; `ValidationError` prints `error: …` and a usage hint on stderr
/// and exits 2; any other error prints `error: …` and exits 1. Never lets a throw crash the process.
public enum CommandLineTool {
    /// Runs `body` and exits the process with the resulting status.
    public static func run(
        name: String, usage: String, _ body: () async throws -> ExitCode
    ) async -> Never {
        let status: ExitCode
        do {
            status = try await body()
        } catch let help as HelpRequested {
            StandardStreams.writeOut(help.text)
            status = .success
        } catch let usageError as ValidationError {
            StandardStreams.writeError("error: \(usageError.message)\nusage: \(usage)\nTry '\(name) --help'.\n")
            status = .usage
        } catch {
            StandardStreams.writeError("error: \(describe(error))\n")
            status = .failure
        }
        exit(status.rawValue)
    }

    /// The readable message for an error: its `CustomStringConvertible` description or a generic one.
    public static func describe(_ error: any Error) -> String {
        String(describing: error)
    }
}

/// Unbuffered writes to stdout and stderr (safe to mix with a curses screen and with child processes).
public enum StandardStreams {
    public static func writeOut(_ text: String) {
        write(text, to: STDOUT_FILENO)
    }

    public static func writeError(_ text: String) {
        write(text, to: STDERR_FILENO)
    }

    /// Whether stderr is a terminal (progress output goes there only then).
    public static var isErrorTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Whether stdout is a terminal.
    public static var isOutputTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    private static func write(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
        bytes.removeAll()
    }
}
