/// How sure a read from a photo is, and why. A photo can be read as a wrong number with a valid
/// check digit (thin bars, defocus, glare): HangViet then gives a confident, wrong verdict. So
/// every symbol says whether its text was verified, and a read that was not is reported as
/// doubtful — kept, never silently trusted, never called a forgery.
///
/// ```swift
/// let symbol = try BarcodeScanner().scan(file: "photo.jpg").symbols[0]
/// symbol.confidence.level          // .confirmed
/// symbol.confidence.reason         // .twoDecoders
/// symbol.confidence.isDoubtful     // false
/// ```
public struct ReadConfidence: Sendable, Hashable {
    public enum Level: String, Sendable, CaseIterable {
        /// Verified: a second, independent decoder read the same text there, the bars' brightness
        /// fitted digit by digit shows it clearly (EAN/UPC), or the symbol's error correction
        /// checked it (QR, DataMatrix).
        case confirmed
        /// Read by one decoder on several scan lines, but not by the second decoder: likely
        /// right, not verified.
        case unconfirmed
        /// Read by one decoder along one line of the photo: one scan line, or lines within two
        /// pixels of each other (an enlarged copy repeats one line of the photo).
        case singleRead = "single-read"
        /// The decoders, or the passes, read different texts at the same place; the other
        /// readings are in ``ReadConfidence/alternatives``.
        case conflicting
    }

    /// Why the level was given (stable codes for JSON).
    public enum Reason: String, Sendable, CaseIterable {
        /// zbar and zxing-cpp read the same text independently.
        case twoDecoders = "two-decoders"
        /// One decoder read it, and the brightness along several lines through its bars, fitted
        /// digit by digit with a model of blurred bars, shows this code clearly and no other
        /// (``Level/confirmed``): evidence of another kind than the decoders' bar widths.
        case fittedBars = "fitted-bars"
        /// A two-dimensional code: its Reed–Solomon error correction verified every byte.
        case errorCorrection = "error-correction"
        /// Only one decoder read it; the other found nothing there.
        case oneDecoder = "one-decoder"
        /// Read from a model of blurred bars (the `blur-model` passes): no decoder saw edges.
        case blurModel = "blur-model"
        /// Another text was read at the same place.
        case otherReading = "other-reading"
        /// The decoders read another code (in ``ReadConfidence/alternatives``), but the bars'
        /// brightness, fitted digit by digit with the blur model, shows this one clearly better.
        case barFit = "bar-fit"
        /// The decoders read another code (in ``ReadConfidence/alternatives``) that differs
        /// from this one only by 1↔7 or 2↔8, digits told apart by bar widths alone; how dark
        /// each digit is on average (how much of it is bar) shows this one.
        case barDarkness = "bar-darkness"
    }

    public var level: Level
    public var reason: Reason
    /// The other texts read at the same place (for ``Level/conflicting``), most likely first.
    public var alternatives: [String]

    public init(level: Level, reason: Reason, alternatives: [String] = []) {
        self.level = level
        self.reason = reason
        self.alternatives = alternatives
    }

    /// True unless the read is ``Level/confirmed``: the verdict then asks the reader to compare
    /// the digits printed under the bars.
    public var isDoubtful: Bool { level != .confirmed }

    /// A two-dimensional code's confidence: its error correction checked it.
    public static let errorCorrected = ReadConfidence(level: .confirmed, reason: .errorCorrection)
}
