import Foundation

/// One result per index, filled by concurrent workers (`DispatchQueue.concurrentPerform`) and read
/// once they are done.
///
/// ```swift
/// let slots = ResultSlots<Int, any Error>(count: inputs.count)
/// DispatchQueue.concurrentPerform(iterations: inputs.count) { i in
///     slots.set(i, Result { try work(inputs[i]) })
/// }
/// for case let result? in slots.values { total += try result.get() }
/// ```
package final class ResultSlots<Value: Sendable, Failure: Error>: @unchecked Sendable {   // every access holds `lock`
    private let lock = NSLock()
    private var slots: [Result<Value, Failure>?]

    /// `count` empty slots.
    package init(count: Int) { slots = Array(repeating: nil, count: count) }

    /// Sets slot `index`; each worker sets only its own slots.
    package func set(_ index: Int, _ value: Result<Value, Failure>) { lock.withLock { slots[index] = value } }

    /// The slots in index order; `nil` where no worker set one.
    package var values: [Result<Value, Failure>?] { lock.withLock { slots } }
}
