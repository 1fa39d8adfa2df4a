import HangViet
import Synchronization

/// Recent verdict answers, by code and language. The registry snapshot a server answers from
/// never changes while it runs, so the same question always gets the same bytes; popular
/// products (the ones shoppers scan all day) are answered without recomputing. Bounded: two
/// generations of at most `capacity / 2` entries each — the older generation is dropped whole.
///
/// ```swift
/// let cache = ResponseCache(capacity: 8192)
/// let json = cache.answer(for: code, language: .vi) { service.verdict(for: code, language: .vi) }
/// ```
public final class ResponseCache: Sendable {
    struct Key: Hashable, Sendable {
        let code: String
        let language: Language
    }
    struct Generations {
        var current: [Key: [UInt8]] = [:]
        var previous: [Key: [UInt8]] = [:]
        /// The registry snapshot the answers came from: a new one empties the cache.
        var snapshot = 0
    }
    private let state = Mutex(Generations())
    public let capacity: Int

    public init(capacity: Int) { self.capacity = max(0, capacity) }

    /// The cached answer, or `make()`'s (then cached). Long inputs are never cached.
    /// `snapshot` is the registry snapshot's generation (``RegistryHealth/generation``): when a
    /// live refresh swapped in a new one, every cached answer is dropped first.
    public func answer(for code: String, language: Language, snapshot: Int = 0, make: () -> [UInt8]) -> [UInt8] {
        guard capacity > 0, code.utf8.count <= 64 else { return make() }
        let key = Key(code: code, language: language)
        let found: [UInt8]? = state.withLock { state in
            if state.snapshot != snapshot {
                state = Generations(snapshot: snapshot)
                return nil
            }
            if let bytes = state.current[key] { return bytes }
            if let bytes = state.previous[key] {
                state.current[key] = bytes
                return bytes
            }
            return nil
        }
        if let found { return found }
        let bytes = make()
        state.withLock { state in
            guard state.snapshot == snapshot else { return }
            if state.current.count >= capacity / 2 {
                state.previous = state.current
                state.current = [:]
            }
            state.current[key] = bytes
        }
        return bytes
    }

    /// Entries held now.
    public var count: Int { state.withLock { $0.current.count + $0.previous.count } }
}
