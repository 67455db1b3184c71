/// Polls `condition` every 10 ms until it holds or `timeout` passes; returns whether it held. The default is
/// generous: on a loaded machine a loopback request can take seconds to arrive.
func eventually(timeout: Duration = .seconds(30), _ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while !condition() {
        guard ContinuousClock.now < deadline else { return false }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return true
}
