/// How hard the scanner tries.
///
/// ```swift
/// var options = ScanOptions()
/// options.timeLimit = .milliseconds(500)   // give up sooner on photos without a code
/// let scanner = BarcodeScanner(options: options)
/// ```
public struct ScanOptions: Sendable {
    public var decoding = ImageDecodingOptions()
    /// Escalation stops after this much time per image (the pass running then still finishes).
    public var timeLimit: Duration = .seconds(3)
    /// Images above this size are reduced for the first pass (and for rotations).
    public var firstPassPixels = 3_000_000
    /// False: only the first pass (fastest; no Code 39, Code 93 or Codabar, which only the
    /// escalation looks for).
    public var escalate = true
    /// True: every escalation pass runs, also the rotations and the de-blurring that the
    /// directions of the photo's bars rule out (slower; for photos the default does not read).
    public var exhaustive = false
    /// True: the first pass scans rows and columns on two threads, for a quicker answer on one
    /// photo. Turn it off when photos are already scanned in parallel (it only adds overhead),
    /// and ``ImageDecodingOptions/concurrent`` in ``decoding`` with it.
    public var concurrentFirstPass = true

    public init() {}
}
