import Dispatch
import Synchronization

/// Bounds CPU-heavy work: at most `concurrent` jobs run (on a dispatch queue, off the event
/// loops and the Swift concurrency pool), at most `queued` wait; beyond that callers are
/// refused at once, so a flood of uploads cannot pile up memory or starve other requests.
///
/// ```swift
/// let limiter = ScanLimiter(concurrent: 2, queued: 16)
/// let report = try await limiter.run { scanner.scan(bytes: bytes, source: "upload") }
/// ```
public final class ScanLimiter: Sendable {
    struct State {
        var running = 0
        var waiting: [CheckedContinuation<Void, Never>] = []
    }
    private let state = Mutex(State())
    public let concurrent: Int
    public let queued: Int
    private let queue = DispatchQueue(label: "hangviet.scan", qos: .userInitiated, attributes: .concurrent)

    public init(concurrent: Int, queued: Int) {
        self.concurrent = max(1, concurrent)
        self.queued = max(0, queued)
    }

    /// Jobs running now.
    public var running: Int { state.withLock { $0.running } }

    /// Runs `work` when a slot is free; throws ``APIError`` (503) when the queue is full.
    public func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async throws -> T {
        let admission: Admission = state.withLock { state in
            if state.running < concurrent { state.running += 1; return .now }
            if state.waiting.count < queued { return .wait }
            return .refuse
        }
        switch admission {
        case .refuse:
            throw APIError(.busy, .serviceUnavailable, "the server is decoding as many images as it can; try again shortly", retryAfter: 1)
        case .wait:
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let admitted: Bool = state.withLock { state in
                    if state.running < concurrent { state.running += 1; return true }
                    state.waiting.append(continuation)
                    return false
                }
                if admitted { continuation.resume() }
            }
        case .now:
            break
        }
        defer { release() }
        return await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: work()) }
        }
    }

    private func release() {
        let next: CheckedContinuation<Void, Never>? = state.withLock { state in
            if state.waiting.isEmpty { state.running -= 1; return nil }
            return state.waiting.removeFirst()   // the slot passes to the next waiter
        }
        next?.resume()
    }
}

private enum Admission { case now, wait, refuse }
