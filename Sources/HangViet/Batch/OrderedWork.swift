/// Work on many items at once, results handed on in input order: the one loop behind
/// `hangviet scan` (photos on every core) and inventory checks (pieces of a file).
///
/// ```swift
/// var photos = paths.makeIterator()
/// try await OrderedWork.run(concurrency: 4, next: { photos.next() },
///                           work: { path in scan(path) }, handle: { report in print(report) })
/// ```
public enum OrderedWork {
    /// Pulls items from `next` in order and runs `work` on up to `concurrency` of them at once;
    /// `handle` gets each result in the order the items came. At most `pendingLimit` items are
    /// taken and not yet handled (running or finished early), which bounds memory when the
    /// items are large. An error from `next` or `handle` stops the loop; work still running is
    /// cancelled.
    public static func run<Input: Sendable, Output: Sendable>(
        concurrency: Int, pendingLimit: Int = .max,
        next: () throws -> Input?,
        work: @escaping @Sendable (Input) -> Output,
        handle: (Output) throws -> Void
    ) async throws {
        let concurrency = max(1, concurrency), pendingLimit = max(1, pendingLimit)
        try await withThrowingTaskGroup(of: (Int, Output).self) { group in
            var submitted = 0, handled = 0, exhausted = false
            var finished: [Int: Output] = [:]
            func fill() throws {
                while !exhausted, submitted - handled - finished.count < concurrency, submitted - handled < pendingLimit {
                    guard let input = try next() else { exhausted = true; break }
                    let index = submitted
                    group.addTask { (index, work(input)) }
                    submitted += 1
                }
            }
            try fill()
            while handled < submitted, let (index, output) = try await group.next() {
                finished[index] = output
                while let ready = finished.removeValue(forKey: handled) {
                    try handle(ready)
                    handled += 1
                }
                try fill()
            }
        }
    }
}
