public import Glibc

/// Reading and atomically replacing small files with exact permissions (credentials, and the exports of
/// `molt-admin`).
public enum AtomicFile {
    /// The file's bytes and permission bits, or nil when it does not exist.
    public static func read(_ path: String) throws(CredentialsError) -> (bytes: [UInt8], mode: UInt32)? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return nil }
            throw CredentialsError(.unreadable(errno: errno), path: path)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw CredentialsError(.unreadable(errno: errno), path: path) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw CredentialsError(.unreadable(errno: EISDIR), path: path) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = Glibc.read(fd, &chunk, chunk.count)
            if count < 0 {
                if errno == EINTR { continue }
                throw CredentialsError(.unreadable(errno: errno), path: path)
            }
            if count == 0 { break }
            bytes += chunk[..<count]
        }
        return (bytes, UInt32(info.st_mode) & 0o7777)
    }

    /// Replaces `path` with `bytes`: parent directories are created with `directoryMode` when missing, the
    /// data goes to a temporary file in the same directory (mode `mode`), is flushed to disk, and is renamed
    /// over `path`, so readers see the old file or the new one, never a partial one.
    public static func write(
        _ bytes: [UInt8], to path: String, mode: mode_t, directoryMode: mode_t = 0o700
    ) throws(CredentialsError) {
        let directory = parent(of: path)
        try createDirectories(directory, mode: directoryMode, for: path)
        let temporary =
            directory + "/." + name(of: path) + ".tmp-" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw CredentialsError(.writeFailed(errno: errno), path: path) }
        var failure: Int32?
        if fchmod(fd, mode) != 0 { failure = errno }
        var offset = 0
        while failure == nil, offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno != EINTR { failure = errno }
            } else {
                offset += written
            }
        }
        if failure == nil, fsync(fd) != 0 { failure = errno }
        if close(fd) != 0, failure == nil { failure = errno }
        if failure == nil, rename(temporary, path) != 0 { failure = errno }
        if let failure {
            unlink(temporary)
            throw CredentialsError(.writeFailed(errno: failure), path: path)
        }
        let directoryFD = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryFD >= 0 {
            fsync(directoryFD)
            close(directoryFD)
        }
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func name(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    }

    private static func createDirectories(_ directory: String, mode: mode_t, for path: String) throws(CredentialsError)
    {
        var info = stat()
        if stat(directory, &info) == 0 { return }
        let above = parent(of: directory)
        if above != directory { try createDirectories(above, mode: mode, for: path) }
        if mkdir(directory, mode) != 0, errno != EEXIST {
            throw CredentialsError(.writeFailed(errno: errno), path: path)
        }
    }
}
