import Foundation

/// The model behind ``BlurredProductCodeReader``: its sampling and blur widths and the
/// encodings (the valid codes a fit allows are ``BarLayout/bestCodes(_:)``'s). An EAN-13 is 95 modules: a start guard (bar, space, bar),
/// six left digits of seven modules, a middle guard, six right digits and an end guard; how a
/// digit looks after blur is in ``BarLayout``.
extension BlurredProductCodeReader {
    /// Samples per module when a profile is resampled onto the code's module grid.
    static let samplesPerModule = 4
    /// Extra samples after the 95 modules, read (and multiplied by zero) by the vector loads.
    static let samplePadding = 16
    /// The blur widths tried (Gaussian σ, in modules).
    static let blurWidths: [Float] = [0.35, 0.5, 0.65, 0.8, 0.95]

    /// Left-hand odd (L) encodings of 0–9; even (G) ones are L's mirror inverted, right-hand
    /// (R) ones L's inverse.
    static let lEncodings = ["0001101", "0011001", "0010011", "0111101", "0100011",
                             "0110001", "0101111", "0111011", "0110111", "0001011"]
    /// The first digit of an EAN-13 is the pattern of L and G encodings among the left six.
    static let firstDigitParities = ["LLLLLL", "LLGLGG", "LLGGLG", "LLGGGL", "LGLLGG",
                                     "LGGLLG", "LGGGLL", "LGLGLG", "LGLGGL", "LGGLGL"]
}
