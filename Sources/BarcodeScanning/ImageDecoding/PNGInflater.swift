import CISAL
import Synchronization

/// Inflates a PNG's zlib stream — the data of its IDAT chunks, read in place — into a buffer of
/// the size the header promises, with ISA-L (Intel's storage library; its inflate took 1.4–1.8 ms
/// on a 640×480 RGB fixture where libdeflate took 2.4 ms), chunk by chunk, publishing how much
/// output is final so that another thread can undo the row filters while the rest inflates.
///
/// ISA-L reads back its own earlier output for the stream's back-references, so the output must
/// not be changed while it runs: readers only read it.
///
/// ```swift
/// let inflater = PNGInflater(file: buffer, pieces: layout.pieces, into: output, size: expected)
/// inflater.runUnlessStarted()     // on one thread …
/// inflater.finishedBytes          // … read from another: -1 after an error
/// ```
final class PNGInflater: @unchecked Sendable {
    /// Output bytes written and final so far; −1 once the stream turned out corrupt, short or
    /// too long. Stored with release ordering after the bytes themselves.
    var finishedBytes: Int { finished.load(ordering: .acquiring) }
    /// True once some thread has started inflating (it happens exactly once).
    private let started = Atomic<Bool>(false)
    private let finished = Atomic<Int>(0)
    private let cancelled = Atomic<Bool>(false)
    private let file: UnsafeRawBufferPointer
    private let pieces: [Range<Int>]
    private let output: UnsafeMutablePointer<UInt8>
    private let size: Int
    /// Output bytes inflated between two reports of progress.
    private let step: Int

    /// `output` must hold `size + 1` bytes: the extra byte catches a stream longer than declared.
    init(file: UnsafeRawBufferPointer, pieces: [Range<Int>], into output: UnsafeMutablePointer<UInt8>, size: Int,
         step: Int = 32 * 1024) {
        self.file = file
        self.pieces = pieces
        self.output = output
        self.size = size
        self.step = max(1, step)
    }

    /// Asks a running inflate to stop early (its result is no longer wanted).
    func cancel() { cancelled.store(true, ordering: .relaxed) }

    /// Inflates the whole stream unless another thread already started to. True if this call did.
    @discardableResult
    func runUnlessStarted() -> Bool {
        guard started.compareExchange(expected: false, desired: true, ordering: .relaxed).exchanged else { return false }
        finished.store(inflate() ? size : -1, ordering: .releasing)
        return true
    }

    /// The inflate itself; false on any error, a short stream or one longer than `size`.
    private func inflate() -> Bool {
        guard let base = file.baseAddress else { return false }
        let state = UnsafeMutablePointer<inflate_state>.allocate(capacity: 1)   // 87 KB: not on the stack
        defer { state.deallocate() }
        isal_inflate_init(state)
        state.pointee.crc_flag = UInt32(ISAL_ZLIB)   // the zlib header and its Adler-32 are checked
        var nextPiece = 0, written = 0
        let capacity = size + 1
        while true {
            if state.pointee.avail_in == 0, nextPiece < pieces.count {
                let piece = pieces[nextPiece]
                nextPiece += 1
                state.pointee.next_in = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: UInt8.self) + piece.lowerBound)
                state.pointee.avail_in = UInt32(piece.count)
                continue
            }
            state.pointee.next_out = output + written
            state.pointee.avail_out = UInt32(min(step, capacity - written))
            let inputBefore = state.pointee.avail_in, writtenBefore = written
            let status = isal_inflate(state)
            written = Int(state.pointee.total_out)
            if status < 0 || written > size || cancelled.load(ordering: .relaxed) { return false }
            if state.pointee.block_state == ISAL_BLOCK_FINISH { return written == size }
            // Input used up, room left, not finished: the stream is cut short.
            if state.pointee.avail_in == 0, nextPiece == pieces.count, state.pointee.avail_out > 0 { return false }
            // A call that neither read nor wrote anything would repeat forever.
            if state.pointee.avail_in == inputBefore, written == writtenBefore { return false }
            if written < size { finished.store(written, ordering: .releasing) }
        }
    }
}
