/// How the live public feed (`GET /public/feed/stream`, spec §1.6) behaves; the defaults are the reference's.
/// Tests shorten the intervals.
public struct PublicFeedStreamSettings: Sendable, Equatable {
    /// How often the stream looks for new public entries.
    public var pollInterval: Duration
    /// How often a `: heartbeat` comment goes out (it is also how soon a vanished client is noticed).
    public var heartbeatInterval: Duration
    /// How long a stream stays open before the server ends it (clients reconnect with `Last-Event-ID`).
    public var maximumDuration: Duration
    /// The most entries sent per poll.
    public var batchSize: Int
    /// The most simultaneous streams per client address; one more gets 429.
    public var maximumStreamsPerAddress: Int
    /// The reconnection delay announced to clients (`retry:`), in milliseconds.
    public var retryMilliseconds: Int

    public init(
        pollInterval: Duration = .seconds(3), heartbeatInterval: Duration = .seconds(30),
        maximumDuration: Duration = .seconds(30 * 60), batchSize: Int = 50, maximumStreamsPerAddress: Int = 5,
        retryMilliseconds: Int = 5000
    ) {
        self.pollInterval = pollInterval
        self.heartbeatInterval = heartbeatInterval
        self.maximumDuration = maximumDuration
        self.batchSize = batchSize
        self.maximumStreamsPerAddress = maximumStreamsPerAddress
        self.retryMilliseconds = retryMilliseconds
    }
}
