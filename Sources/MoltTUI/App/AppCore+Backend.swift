extension AppCore {
    /// The backend failed: raise the banner and schedule the first retry (or update the running outage).
    func markUnreachable(reason: String, _ state: inout AppState) -> [Effect<AppMessage>] {
        if var outage = state.backend.outage {
            outage.reason = reason
            state.backend = .unreachable(outage)
            return []
        }
        let delay = BackendOutage.backoff(afterAttempts: 0)
        state.backend = .unreachable(
            BackendOutage(
                reason: reason, since: state.now, attempt: 0,
                nextRetry: state.now.addingTimeInterval(delay.timeInterval),
                isRetrying: false))
        return [.delay("app.backend.retry", delay, .backendRetryDue)]
    }

    /// The backend answered: drop the banner and stop retrying.
    func markReachable(_ state: inout AppState) -> [Effect<AppMessage>] {
        guard state.backend.outage != nil else {
            state.backend = .reachable
            return []
        }
        state.backend = .reachable
        return [.cancel("app.backend.retry"), .cancel("app.backend.probe")]
            + show(Flash(.success, "Server reachable again"), &state)
    }

    /// Probes the backend now (the retry is due, or the user pressed `r`).
    func retryBackend(_ state: inout AppState) -> [Effect<AppMessage>] {
        guard var outage = state.backend.outage, !outage.isRetrying else { return [] }
        outage.isRetrying = true
        state.backend = .unreachable(outage)
        let check = environment.healthCheck
        let url = state.session.serverURL
        return [
            .cancel("app.backend.retry"),
            .run("app.backend.probe") { send in send(.backendProbeFinished(await check.run(url))) },
        ]
    }

    /// A probe's result: back to normal (and refresh the visible screen), or wait longer and retry.
    func backendProbeFinished(_ result: HealthCheckResult, _ state: inout AppState) -> [Effect<AppMessage>] {
        guard var outage = state.backend.outage else { return [] }
        if result.outcome.serverAnswered {
            var effects = markReachable(&state)
            if let top = state.top, let refresh = screens.traits(top.screen).refresh {
                effects += dispatch(refresh, to: top.id, &state)
            }
            return effects
        }
        if case .unreachable(let reason) = result.outcome { outage.reason = reason }
        outage.attempt += 1
        outage.isRetrying = false
        let delay = BackendOutage.backoff(afterAttempts: outage.attempt)
        outage.nextRetry = state.now.addingTimeInterval(delay.timeInterval)
        state.backend = .unreachable(outage)
        return [.delay("app.backend.retry", delay, .backendRetryDue)]
    }
}
