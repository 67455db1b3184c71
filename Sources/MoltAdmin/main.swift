import Foundation
import MoltCommandLine

// molt-admin: the operators' batch tool. All logic lives in AdminTool (dispatch) and Commands/.
let status = await AdminTool(
    arguments: Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment
).run()
exit(status.rawValue)
