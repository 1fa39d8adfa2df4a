import Foundation

/// One background build of the seed snapshot per process (see
/// ``RegistrySnapshot/prefetchSeed()``): started once, awaited by the first ``take(today:)``.
final class SeedPrefetch: @unchecked Sendable {
    static let shared = SeedPrefetch()

    private let condition = NSCondition()
    private var started = false
    private var result: (today: CalendarDate, snapshot: Result<RegistrySnapshot, RegistryError>)?

    func start(today: CalendarDate) {
        condition.lock()
        defer { condition.unlock() }
        guard !started else { return }
        started = true
        Thread.detachNewThread {
            let snapshot = Result { () throws(RegistryError) -> RegistrySnapshot in try RegistrySnapshot.buildSeed(asOf: today) }
            self.condition.lock()
            self.result = (today, snapshot)
            self.condition.broadcast()
            self.condition.unlock()
        }
    }

    /// The prefetched snapshot for `today`, waiting for it if the build is still running; nil
    /// when no prefetch was started or it was for another day.
    func take(today: CalendarDate) -> Result<RegistrySnapshot, RegistryError>? {
        condition.lock()
        defer { condition.unlock() }
        guard started else { return nil }
        while result == nil { condition.wait() }
        guard let result, result.today == today else { return nil }
        return result.snapshot
    }
}
