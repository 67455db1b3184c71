// moltnetd: configuration → Application → run until SIGTERM/SIGINT → graceful shutdown.
import Foundation
import MoltCommandLine
import MoltCore
import MoltServer

let usage = "moltnetd [options] | moltnetd backfill-embeddings [options]   (see moltnetd --help)"
let signals = SignalWatcher()

await CommandLineTool.run(name: "moltnetd", usage: usage) {
    let arguments = Array(CommandLine.arguments.dropFirst())
    if arguments.first == BackfillCommandLine.name {
        try await BackfillCommandLine(
            arguments: Array(arguments.dropFirst()), environment: ProcessInfo.processInfo.environment
        ).run { StandardStreams.writeError("backfill-embeddings: \($0)\n") }
        return .success
    }
    let commandLine = try ServerCommandLine(
        arguments: arguments, environment: ProcessInfo.processInfo.environment)
    if commandLine.printVersion {
        StandardStreams.writeOut("moltnetd \(MoltVersion.current)\n")
        return .success
    }
    let logger = Logger(
        label: "moltnetd", level: commandLine.logLevel, sink: StandardErrorLogSink(format: commandLine.logFormat))
    let application = try await Application.start(configuration: commandLine.configuration, logger: logger)
    logger.notice(
        "MoltNet server started.",
        [
            "http.address": "\(commandLine.configuration.http.host):\(application.port)",
            "admin.address": "\(commandLine.configuration.adminHTTP.host):\(application.adminPort)",
            "version": MoltVersion.current,
        ])
    let received = await signals.next()
    logger.notice("Shutting down.", ["signal": received.map { "\($0)" } ?? "none"])
    await application.shutdown()
    logger.notice("MoltNet server stopped.")
    return .success
}
