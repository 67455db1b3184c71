import Glibc

/// `posix_spawn` with a clean slate, shared by `ChildProcess` and `RunningCommand`: stdin from a file, stdout
/// to a file, stderr to its own file or the same one, no other descriptor inherited, no signal blocked and
/// every signal at its default action.
///
/// Foundation's `Process` hands children the test runner's signal mask (almost every signal blocked) and its
/// descriptors: a tmux server forked from such a child never reaps its panes, a server ignores SIGTERM, and a
/// daemon holding another test's socket keeps that connection open.
enum CleanSpawn {
    /// Starts `arguments[0]` (looked up in PATH when `searchPath`) and returns its pid.
    /// - Parameters:
    ///   - environment: exactly these variables, or nil for this process's.
    ///   - errorPath: stderr's file, or nil for stdout's.
    static func spawn(
        _ arguments: [String], searchPath: Bool, environment: [String: String]?, stdinPath: String,
        outputPath: String, errorPath: String?
    ) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdinPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        if let errorPath {
            posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        } else {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        }
        _ = closeInheritedDescriptors?(&actions, 3)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?]? = environment.map { variables in
            variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        }
        defer {
            argv.forEach { free($0) }
            envp?.forEach { free($0) }
        }
        let start = searchPath ? posix_spawnp : posix_spawn
        var pid: pid_t = 0
        let status =
            if let envp {
                start(&pid, arguments[0], &actions, &attributes, argv, envp)
            } else {
                start(&pid, arguments[0], &actions, &attributes, argv, environ)
            }
        guard status == 0 else { throw ChildProcessError("could not start \(arguments[0]): error \(status)") }
        return pid
    }

    /// `posix_spawn_file_actions_addclosefrom_np` (glibc 2.34+), looked up at run time because Swift's Glibc
    /// module does not declare it; nil on an older C library (descriptors are then inherited).
    private static let closeInheritedDescriptors:
        (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? = {
            guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return nil }
            return unsafeBitCast(
                symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
        }()
}
