#!/usr/bin/env python3
"""Time to first screen and key-press latency of the real `molt` binary, measured through a pseudo-terminal.

Starts a local HTTP server answering GET /health, then runs molt on its Health screen in a 120x40 pty
(TERM=xterm-256color, LANG=C.UTF-8, --screen health, --refresh 0 so nothing redraws on its own):
  * first screen: from fork to the moment the first complete frame (header and footer) has been written;
  * key press: from writing a key to the first byte of molt's answer and to the end of that answer
    (no more output for 20 ms; the 20 ms are not counted). Keys alternate `?` (open help) and `q` (close it).
  * memory: molt's resident set after the key presses.
Standard library only. Usage: pty_latency.py path/to/molt [runs] [presses]
"""
import fcntl, http.server, os, pty, select, statistics, struct, sys, termios, threading, time

BODY = b'{"status":"ok","timestamp":"2026-11-24T10:00:00.000Z"}'


class Health(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200 if self.path == "/health" else 404)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()
        try:
            self.wfile.write(BODY)
        except BrokenPipeError:  # molt was stopped while its check was in flight
            pass

    def log_message(self, *args):
        pass


def read_until(fd, predicate, timeout):
    """Reads from fd until predicate(buffer) holds; returns (buffer, time of the last read)."""
    buffer, deadline, last = b"", time.perf_counter() + timeout, None
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            buffer += chunk
            last = time.perf_counter()
            if predicate(buffer):
                return buffer, last
    raise TimeoutError(f"no expected output; got {buffer[-300:]!r}")


def drain(fd, quiet):
    """Reads until nothing arrives for `quiet` seconds; returns the time of the last byte (or None)."""
    last = None
    while True:
        ready, _, _ = select.select([fd], [], [], quiet)
        if not ready:
            return last
        os.read(fd, 65536)
        last = time.perf_counter()


def spawn(molt, url):
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        env = {"TERM": "xterm-256color", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"}
        os.execve(molt, [molt, "--api-url", url, "--refresh", "0", "--screen", "health"], env)
    return pid, fd, start


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def stop(pid, fd):
    os.write(fd, b"q")
    try:
        read_until(fd, lambda b: False, 0.3)
    except (TimeoutError, OSError):
        pass
    try:
        os.kill(pid, 9)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
    os.close(fd)


def main():
    molt = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    presses = int(sys.argv[3]) if len(sys.argv) > 3 else 100
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Health)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"

    first = []
    for _ in range(runs):
        pid, fd, start = spawn(molt, url)
        _, at = read_until(fd, lambda b: b"molt" in b and b"quit" in b, 10)
        first.append((at - start) * 1000)
        stop(pid, fd)

    pid, fd, _ = spawn(molt, url)
    read_until(fd, lambda b: b"healthy" in b, 10)
    drain(fd, 0.3)
    to_first_byte, to_frame = [], []
    for index in range(presses):
        key = b"?" if index % 2 == 0 else b"q"
        sent = time.perf_counter()
        os.write(fd, key)
        _, first_byte = read_until(fd, lambda b: len(b) > 0, 5)
        last = drain(fd, 0.02) or first_byte
        to_first_byte.append((first_byte - sent) * 1000)
        to_frame.append((last - sent) * 1000)
    memory = rss_mib(pid)
    stop(pid, fd)
    server.shutdown()

    def summary(values):
        values = sorted(values)
        p99 = values[min(len(values) - 1, int(len(values) * 0.99))]
        return f"median {statistics.median(values):.2f} ms, p99 {p99:.2f} ms, max {values[-1]:.2f} ms"

    print(f"first screen ({runs} starts)        {summary(first)}")
    print(f"key press → first byte ({presses})  {summary(to_first_byte)}")
    print(f"key press → frame written ({presses}) {summary(to_frame)}")
    print(f"molt resident memory          {memory:.1f} MiB")


if __name__ == "__main__":
    main()
