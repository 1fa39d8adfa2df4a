import Foundation

/// The model behind ``BlurredProductCodeReader``: what an EAN-13 looks like after blur, and the
/// fit of that model to a brightness profile.
///
/// An EAN-13 is 95 modules: a start guard (bar, space, bar), six left digits of seven modules,
/// a middle guard, six right digits and an end guard. Every left digit starts with a space and
/// ends with a bar, every right digit the other way round, so the module on each side of a
/// digit is known whatever the digits are. A digit's blurred look is therefore its seven
/// modules and those two neighbours seen through a Gaussian blur, whatever its neighbours read.
extension BlurredProductCodeReader {
    /// Samples per module when a profile is resampled onto the code's module grid.
    static let samplesPerModule = 4
    /// Extra samples after the 95 modules, read (and multiplied by zero) by the vector loads.
    static let samplePadding = 16
    /// The blur widths tried (Gaussian σ, in modules).
    static let blurWidths: [Float] = [0.35, 0.5, 0.65, 0.8, 0.95]

    /// One part of the code: a guard (one candidate) or a digit (its candidate encodings).
    struct Slot {
        var firstModule: Int
        var modules: Int
        /// Each candidate's modules, 1 = bar.
        var candidates: [[UInt8]]
        /// The known module before and after the part.
        var before: UInt8
        var after: UInt8
    }

    /// Left-hand odd (L) encodings of 0–9; even (G) ones are L's mirror inverted, right-hand
    /// (R) ones L's inverse.
    static let lEncodings = ["0001101", "0011001", "0010011", "0111101", "0100011",
                             "0110001", "0101111", "0111011", "0110111", "0001011"]
    /// The first digit of an EAN-13 is the pattern of L and G encodings among the left six.
    static let firstDigitParities = ["LLLLLL", "LLGLGG", "LLGGLG", "LLGGGL", "LGLLGG",
                                     "LGGLLG", "LGGGLL", "LGLGLG", "LGLGGL", "LGGLGL"]

    static let slots: [Slot] = {
        func bits(_ s: String) -> [UInt8] { s.map { $0 == "1" ? 1 : 0 } }
        let l = lEncodings.map(bits)
        let g = l.map { Array($0.map { 1 - $0 }.reversed()) }
        let r = l.map { $0.map { 1 - $0 } }
        var slots = [Slot(firstModule: 0, modules: 3, candidates: [bits("101")], before: 0, after: 0)]
        for i in 0..<6 { slots.append(Slot(firstModule: 3 + 7 * i, modules: 7, candidates: l + g, before: 1, after: 0)) }
        slots.append(Slot(firstModule: 45, modules: 5, candidates: [bits("01010")], before: 1, after: 1))
        for i in 0..<6 { slots.append(Slot(firstModule: 50 + 7 * i, modules: 7, candidates: r, before: 0, after: 1)) }
        slots.append(Slot(firstModule: 92, modules: 3, candidates: [bits("101")], before: 0, after: 0))
        return slots
    }()

    /// Each slot's candidates as blurred darkness samples, centred (mean 0), with the inverse of
    /// their sum of squares: `templates[blur][slot]`.
    struct SlotTemplates {
        /// Per candidate, `chunks` vectors: modules × samplesPerModule samples, zero-padded.
        var samples: [SIMD8<Float>]
        var chunks: Int
        var inverseEnergy: [Float]
    }

    static let templates: [[SlotTemplates]] = blurWidths.map { sigma in
        let scale: Float = 1 / (sigma * Float(2).squareRoot())
        return slots.map { slot in
            let n = slot.modules * samplesPerModule
            let chunks = (n + 7) / 8
            // cdf[k][e]: the share of sample k's blur left of module edge e − 2 (edges −2 …
            // modules+2), computed once for all candidates.
            let edges = slot.modules + 5
            let cdf: [[Float]] = (0..<n).map { k in
                let u = (Float(k) + 0.5) / Float(samplesPerModule)
                return (0..<edges).map { e in 0.5 * erfc((u - Float(e - 2)) * scale) }
            }
            var samples: [SIMD8<Float>] = [], inverse: [Float] = []
            for candidate in slot.candidates {
                // Modules −2 … modules+1: unknown (½), the known neighbour, the candidate, the
                // known neighbour, unknown; beyond them ½ as well.
                let modules: [Float] = [0.5, Float(slot.before)] + candidate.map(Float.init) + [Float(slot.after), 0.5]
                let t: [Float] = cdf.map { c in
                    var dark = 0.5 * c[0] + 0.5 * (1 - c[edges - 1])
                    for (m, value) in modules.enumerated() where value != 0 { dark += value * (c[m + 1] - c[m]) }
                    return dark
                }
                let mean = t.reduce(0, +) / Float(n)
                let centred = t.map { $0 - mean }
                let padded = centred + [Float](repeating: 0, count: chunks * 8 - n)
                samples += (0..<chunks).map { SIMD8(padded[($0 * 8)..<($0 * 8 + 8)]) }
                inverse.append(1 / max(1e-6, centred.reduce(0) { $0 + $1 * $1 }))
            }
            return SlotTemplates(samples: samples, chunks: chunks, inverseEnergy: inverse)
        }
    }

    /// Where each slot's candidate errors start in the flat error buffer, and its size.
    static let errorOffsets: [Int] = slots.reduce(into: [0]) { $0.append($0.last! + $1.candidates.count) }
    static var errorCount: Int { errorOffsets.last! }

    /// How well every candidate of every slot explains a resampled profile (95 modules ×
    /// ``samplesPerModule`` brightness samples): the squared error left after the best
    /// brightness offset and (positive) contrast for that candidate alone, written to `errors`
    /// at ``errorOffsets``. Returns the sum over slots of the smallest error. `samples` must
    /// have ``samplePadding`` readable values after the 95 modules.
    static func errors(of samples: UnsafeBufferPointer<Float>, blur: Int, into errors: UnsafeMutableBufferPointer<Float>) -> Float {
        var total: Float = 0
        for (index, slot) in slots.enumerated() {
            let templates = Self.templates[blur][index]
            let n = slot.modules * samplesPerModule, start = slot.firstModule * samplesPerModule
            var sum: Float = 0, squares: Float = 0
            for k in 0..<n { let y = samples[start + k]; sum += y; squares += y * y }
            let spread = squares - sum * sum / Float(n)
            var smallest = spread
            // The slot's samples in vectors; the padding meets the templates' zeros.
            let raw = UnsafeRawPointer(samples.baseAddress! + start)
            let y0 = raw.loadUnaligned(as: SIMD8<Float>.self)
            let y1 = templates.chunks > 1 ? raw.loadUnaligned(fromByteOffset: 32, as: SIMD8<Float>.self) : .zero
            let y2 = templates.chunks > 2 ? raw.loadUnaligned(fromByteOffset: 64, as: SIMD8<Float>.self) : .zero
            let y3 = templates.chunks > 3 ? raw.loadUnaligned(fromByteOffset: 96, as: SIMD8<Float>.self) : .zero
            templates.samples.withUnsafeBufferPointer { t in
                for c in 0..<slot.candidates.count {
                    let row = t.baseAddress! + c * templates.chunks
                    var products = row[0] * y0
                    if templates.chunks > 1 { products += row[1] * y1 }
                    if templates.chunks > 2 { products += row[2] * y2 }
                    if templates.chunks > 3 { products += row[3] * y3 }
                    let dot = products.sum()
                    // Dark where the model is dark: the contrast must be positive (dot < 0).
                    let error = dot < 0 ? max(0, spread - dot * dot * templates.inverseEnergy[c]) : spread
                    errors[errorOffsets[index] + c] = error
                    smallest = min(smallest, error)
                }
            }
            total += smallest
        }
        return total
    }

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
