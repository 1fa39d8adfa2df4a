import Foundation
import Synchronization

/// Requests per minute per client address, as a token bucket refilled continuously.
public final class RateLimiter: Sendable {
    struct Bucket { var tokens: Double; var updated: ContinuousClock.Instant }
    private let buckets = Mutex([String: Bucket]())
    public let perMinute: Int

    public init(perMinute: Int) { self.perMinute = perMinute }

    /// True when the client may make a request now.
    public func allow(_ client: String, now: ContinuousClock.Instant = .now) -> Bool {
        guard perMinute > 0 else { return true }
        let capacity = Double(perMinute)
        let rate = capacity / 60
        return buckets.withLock { buckets in
            var bucket = buckets[client] ?? Bucket(tokens: capacity, updated: now)
            let elapsed = now - bucket.updated
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            bucket.tokens = min(capacity, bucket.tokens + seconds * rate)
            bucket.updated = now
            let allowed = bucket.tokens >= 1
            if allowed { bucket.tokens -= 1 }
            buckets[client] = bucket
            if buckets.count > 100_000 { buckets.removeAll() } // bounded memory under address floods
            return allowed
        }
    }
}
