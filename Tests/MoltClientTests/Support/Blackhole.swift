import Glibc

/// A loopback port that never completes a TCP handshake: a listener with a full accept queue that never
/// accepts, so the kernel drops further SYNs and a client's connect hangs until its own timeout.
final class Blackhole {
    private let listener: Int32
    private var fillers: [Int32] = []
    let port: UInt16

    init() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard listener >= 0 else { throw BlackholeError.socket }
        self.listener = listener
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(listener, pointer, length) == 0 && listen(listener, 0) == 0
                    && getsockname(listener, pointer, &length) == 0
            }
        }
        guard bound else {
            close(listener)
            throw BlackholeError.bind
        }
        port = UInt16(bigEndian: address.sin_port)
        // Fill the accept queue (backlog 0 admits one pending connection; two more make sure).
        for _ in 0..<2 {
            let filler = socket(
                AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            var target = address
            _ = withUnsafePointer(to: &target) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(filler, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            fillers.append(filler)
        }
        usleep(50_000)
    }

    deinit {
        fillers.forEach { close($0) }
        close(listener)
    }

    enum BlackholeError: Error {
        case socket, bind
    }
}
