import Foundation

/// How a product code's modules are laid out, for fitting a model of its blurred bars to a
/// brightness profile (``BlurredProductCodeReader``, ``ProductCodeFit``): its parts (guards and
/// digits, each with its candidate encodings), every candidate's blurred look at each blur
/// width, and where each part's candidate errors go in one flat buffer.
///
/// Every left digit starts with a space and ends with a bar, every right digit the other way
/// round, so the module on each side of a digit is known whatever the digits are: a digit's
/// blurred look is its seven modules and those two neighbours seen through a Gaussian blur.
///
/// ```swift
/// BarLayout.upcE.modules            // 51
/// BarLayout.ean8.slots.count        // 11: two guards, a middle guard and eight digits
/// ```
struct BarLayout: Sendable {
    enum Kind: Sendable { case ean13, ean8, upcE }

    /// One part of the code: a guard (one candidate) or a digit (its candidate encodings).
    struct Slot: Sendable {
        var firstModule: Int
        var modules: Int
        /// Each candidate's modules, 1 = bar.
        var candidates: [[UInt8]]
        /// The known module before and after the part.
        var before: UInt8
        var after: UInt8
    }

    /// Each slot's candidates as blurred darkness samples, centred (mean 0), with the inverse of
    /// their sum of squares.
    struct SlotTemplates: Sendable {
        /// Per candidate, `chunks` vectors: modules × samplesPerModule samples, zero-padded.
        var samples: [SIMD8<Float>]
        var chunks: Int
        var inverseEnergy: [Float]
    }

    let kind: Kind
    /// The code's width in modules, guards included.
    let modules: Int
    let slots: [Slot]
    /// `templates[blur][slot]` for each of ``BlurredProductCodeReader/blurWidths``.
    let templates: [[SlotTemplates]]
    /// Where each slot's candidate errors start in the flat error buffer, and its size last.
    let errorOffsets: [Int]
    var errorCount: Int { errorOffsets.last! }
    /// The digits in the code's text, and how many of them its bars encode (UPC-E: the
    /// number system and the check digit are carried by the six digits' parities).
    let digitCount: Int

    init(kind: Kind, slots: [Slot], digitCount: Int) {
        self.kind = kind
        self.slots = slots
        self.digitCount = digitCount
        modules = slots.last.map { $0.firstModule + $0.modules } ?? 0
        errorOffsets = slots.reduce(into: [0]) { $0.append($0.last! + $1.candidates.count) }
        templates = BlurredProductCodeReader.blurWidths.map { sigma in slots.map { Self.templates(of: $0, sigma: sigma) } }
    }

    private static func bits(_ s: String) -> [UInt8] { s.map { $0 == "1" ? 1 : 0 } }
    private static let l = BlurredProductCodeReader.lEncodings.map(bits)
    private static let g = l.map { Array($0.map { 1 - $0 }.reversed()) }
    private static let r = l.map { $0.map { 1 - $0 } }
    private static let sideGuard = Slot(firstModule: 0, modules: 3, candidates: [bits("101")], before: 0, after: 0)

    /// Start guard, six left digits (L or G), middle guard, six right digits (R), end guard.
    static let ean13 = twoHalves(.ean13, digitsPerHalf: 6, left: l + g, digitCount: 13)
    /// Start guard, four left digits (L), middle guard, four right digits (R), end guard.
    static let ean8 = twoHalves(.ean8, digitsPerHalf: 4, left: l, digitCount: 8)

    /// A code of two halves: start guard, `digitsPerHalf` left digits encoded as `left`, the
    /// middle guard, as many right digits (R), end guard.
    private static func twoHalves(_ kind: Kind, digitsPerHalf: Int, left: [[UInt8]], digitCount: Int) -> BarLayout {
        let middle = 3 + 7 * digitsPerHalf, right = middle + 5
        var slots = [sideGuard]
        for i in 0..<digitsPerHalf { slots.append(Slot(firstModule: 3 + 7 * i, modules: 7, candidates: left, before: 1, after: 0)) }
        slots.append(Slot(firstModule: middle, modules: 5, candidates: [bits("01010")], before: 1, after: 1))
        for i in 0..<digitsPerHalf { slots.append(Slot(firstModule: right + 7 * i, modules: 7, candidates: r, before: 0, after: 1)) }
        slots.append(Slot(firstModule: right + 7 * digitsPerHalf, modules: 3, candidates: [bits("101")], before: 0, after: 0))
        return BarLayout(kind: kind, slots: slots, digitCount: digitCount)
    }

    /// Start guard, six digits (L or G), the six-module end guard.
    static let upcE: BarLayout = {
        var slots = [sideGuard]
        for i in 0..<6 { slots.append(Slot(firstModule: 3 + 7 * i, modules: 7, candidates: l + g, before: 1, after: 0)) }
        slots.append(Slot(firstModule: 45, modules: 6, candidates: [bits("010101")], before: 1, after: 0))
        return BarLayout(kind: .upcE, slots: slots, digitCount: 8)
    }()

    private static func templates(of slot: Slot, sigma: Float) -> SlotTemplates {
        let samplesPerModule = BlurredProductCodeReader.samplesPerModule
        let scale: Float = 1 / (sigma * Float(2).squareRoot())
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

    /// How well every candidate of every slot explains a resampled profile (``modules`` ×
    /// `samplesPerModule` brightness samples): the squared error left after the best
    /// brightness offset and (positive) contrast for that candidate alone, written to `errors`
    /// at ``errorOffsets``. Returns the sum over slots of the smallest error. `samples` must
    /// have `samplePadding` readable values after the modules.
    func errors(of samples: UnsafeBufferPointer<Float>, blur: Int, into errors: UnsafeMutableBufferPointer<Float>) -> Float {
        let samplesPerModule = BlurredProductCodeReader.samplesPerModule
        var total: Float = 0
        for (index, slot) in slots.enumerated() {
            let templates = self.templates[blur][index]
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
            let offset = errorOffsets[index]
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
                    errors[offset + c] = error
                    smallest = min(smallest, error)
                }
            }
            total += smallest
        }
        return total
    }
}
