import Foundation

/// The model behind ``BlurredProductCodeReader``: its sampling and blur widths, the encodings,
/// and the valid EAN-13s a fit allows. An EAN-13 is 95 modules: a start guard (bar, space, bar),
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

    /// Where the EAN-13's candidate errors lie (``BarLayout/ean13``).
    static var errorOffsets: [Int] { BarLayout.ean13.errorOffsets }
    static var errorCount: Int { BarLayout.ean13.errorCount }

    /// The best and second-best 13-digit codes that the errors allow — valid left-half parity
    /// and check digit — with their summed errors (guards included).
    static func bestCodes(_ errors: [Float]) -> [(digits: [UInt8], error: Float)] {
        let guards = errors[errorOffsets[0]] + errors[errorOffsets[7]] + errors[errorOffsets[14]]
        // Digits packed four bits each, first digit highest.
        struct Path { var error: Float = .infinity; var digits: UInt64 = 0 }
        // State: the weighted digit sum mod 10; the two best paths into each state, best first.
        var states = [Path](repeating: Path(), count: 20), next = states
        var best = [Path](repeating: Path(), count: 2)
        func keep(_ candidate: Path, in list: inout [Path], at i: Int) {
            if candidate.error < list[i].error {
                list[i + 1] = list[i]
                list[i] = candidate
            } else if candidate.error < list[i + 1].error {
                list[i + 1] = candidate
            }
        }
        for first in 0..<10 {
            let parity = firstDigitParities[first].utf8.map { $0 == UInt8(ascii: "G") }
            for i in states.indices { states[i] = Path() }
            states[2 * (first % 10)] = Path(error: guards, digits: UInt64(first))
            for k in 0..<12 {
                let weight = (k + 1) % 2 == 0 ? 1 : 3
                let slotStart = errorOffsets[k < 6 ? 1 + k : 2 + k] + (k < 6 && parity[k] ? 10 : 0)
                for i in next.indices { next[i] = Path() }
                for i in 0..<20 where states[i].error < .infinity {
                    let path = states[i]
                    for d in 0..<10 {
                        let target = (i / 2 + weight * d) % 10
                        keep(Path(error: path.error + errors[slotStart + d], digits: path.digits << 4 | UInt64(d)), in: &next, at: 2 * target)
                    }
                }
                swap(&states, &next)
            }
            keep(states[0], in: &best, at: 0)
            keep(states[1], in: &best, at: 0)
        }
        return best.filter { $0.error < .infinity }.map { path in
            ((0..<13).map { UInt8(truncatingIfNeeded: path.digits >> (4 * UInt64(12 - $0)) & 0xF) }, path.error)
        }
    }
}

extension BlurredProductCodeReader {
    /// The summed errors (guards included) of one 13-digit code, its left half in the parities
    /// its first digit gives.
    static func error(of digits: [UInt8], _ errors: [Float]) -> Float {
        guard digits.count == 13, digits.allSatisfy({ $0 < 10 }) else { return .infinity }
        var total = errors[errorOffsets[0]] + errors[errorOffsets[7]] + errors[errorOffsets[14]]
        let parity = firstDigitParities[Int(digits[0])].utf8.map { $0 == UInt8(ascii: "G") }
        for k in 0..<12 {
            total += errors[errorOffsets[k < 6 ? 1 + k : 2 + k] + (k < 6 && parity[k] ? 10 : 0) + Int(digits[k + 1])]
        }
        return total
    }
}
