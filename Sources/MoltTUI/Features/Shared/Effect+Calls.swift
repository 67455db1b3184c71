extension Effect {
    /// Runs a MoltClient call off the UI and sends its result (a value or a `ConsoleFailure`) as a message.
    public static func call<T: Sendable>(
        _ id: EffectID, _ operation: @escaping @Sendable () async throws -> T,
        then message: @escaping @Sendable (Result<T, ConsoleFailure>) -> Message
    ) -> Effect<Message> {
        .run(id) { send in send(message(await ConsoleFailure.catching(operation))) }
    }

    /// What the app does with a failed call: the outage banner when the backend is unreachable, else a flash
    /// with the problem's title and detail.
    public static func report(_ failure: ConsoleFailure) -> [Effect<Message>] {
        if let reason = failure.unreachableReason { return [.command(.backendUnreachable(reason: reason))] }
        return [.command(.flash(.problem(title: failure.title, detail: failure.detail)))]
    }

    /// A call succeeded: the backend answers (clears the banner after an outage).
    public static var reachable: Effect<Message> { .command(.backendReachable) }

    /// A success flash.
    public static func success(_ text: String) -> Effect<Message> { .command(.flash(Flash(.success, text))) }

    /// An information flash.
    public static func info(_ text: String, detail: String? = nil) -> Effect<Message> {
        .command(.flash(Flash(.info, text, detail: detail)))
    }
}

extension KeyBinding {
    /// `o` and `O`: sort by the next column, reverse the sort.
    static func sorting(next: Message, reverse: Message) -> [KeyBinding<Message>] {
        [
            KeyBinding([.character("o")], "sort by the next column", footer: "sort", group: .view, message: next),
            KeyBinding([.character("O")], "reverse the sort order", group: .view, message: reverse),
        ]
    }

    /// `y`: copy something.
    static func copy(_ what: String, message: Message) -> KeyBinding<Message> {
        KeyBinding([.character("y")], "copy \(what)", footer: "copy", message: message)
    }

    /// `D` and `del`: delete (confirmed).
    static func delete(_ what: String, message: Message) -> KeyBinding<Message> {
        KeyBinding(
            [.character("D"), .delete], "delete \(what) (asks first)", footer: "delete", isMutating: true,
            message: message)
    }
}
