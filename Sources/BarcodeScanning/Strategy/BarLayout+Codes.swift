/// The valid codes a fit allows: the two whose summed errors (guards included) are smallest,
/// among the codes whose check digit holds (and, for the EAN-13 and the UPC-E, whose parities
/// match), and the summed errors of one given code. One search serves every layout.
extension BarLayout {
    /// UPC-E with number system 0: the parities (G = even) of its six digits for each check
    /// digit; number system 1 has the opposite ones.
    static let upcEParities = ["GGGLLL", "GGLGLL", "GGLLGL", "GGLLLG", "GLGGLL", "GLLGGL", "GLLLGG", "GLGLGL", "GLGLLG", "GLLGLG"]

    /// The best and the second-best valid codes, all their digits (EAN-13: 13, EAN-8: 8, UPC-E:
    /// 8 with the number system first and the check digit last).
    func bestCodes(_ errors: [Float]) -> [(digits: [UInt8], error: Float)] {
        switch kind {
        case .ean13:
            // Each first digit gives the left half's parities; the check sum starts at it.
            let guards = errors[errorOffsets[0]] + errors[errorOffsets[7]] + errors[errorOffsets[14]]
            var best = TwoBest()
            for first in 0..<10 {
                let parity = BlurredProductCodeReader.firstDigitParities[first].utf8.map { $0 == UInt8(ascii: "G") }
                let positions: [(offset: Int, weight: Int)] = (0..<12).map { k in
                    let slot = k < 6 ? 1 + k : 2 + k
                    let even = k < 6 && parity[k]
                    return (errorOffsets[slot] + (even ? 10 : 0), k % 2 == 0 ? 3 : 1)
                }
                Self.search(errors, positions: positions, from: Path(error: guards, digits: UInt64(first)), sum: first, toSum: 0, into: &best)
            }
            return best.codes(digits: 13)
        case .ean8:
            let guards = errors[errorOffsets[0]] + errors[errorOffsets[5]] + errors[errorOffsets[10]]
            let positions: [(offset: Int, weight: Int)] = (0..<8).map { k in
                let slot = k < 4 ? 1 + k : 2 + k
                return (errorOffsets[slot], k % 2 == 0 ? 3 : 1)
            }
            var best = TwoBest()
            Self.search(errors, positions: positions, from: Path(error: guards, digits: 0), sum: 0, toSum: 0, into: &best)
            return best.codes(digits: 8)
        case .upcE:
            let guards = errors[errorOffsets[0]] + errors[errorOffsets[7]]
            var best = TwoBest()
            for system in 0...1 {
                for check in 0...9 {
                    let parity = Self.upcEParities[check].utf8.map { ($0 == UInt8(ascii: "G")) != (system == 1) }
                    func offset(_ k: Int) -> Int { errorOffsets[1 + k] + (parity[k] ? 10 : 0) }
                    for last in 0...9 {
                        // The weights of the first five digits in the UPC-A the code stands for,
                        // and the last digit's (its place there depends on its value).
                        let (weights, lastWeight): ([Int], Int) = switch last {
                        case 0...2: ([1, 3, 3, 1, 3], 1)
                        case 3: ([1, 3, 1, 1, 3], 0)
                        case 4: ([1, 3, 1, 3, 3], 0)
                        default: ([1, 3, 1, 3, 1], 3)
                        }
                        let start = Path(error: guards + errors[offset(5) + last], digits: UInt64(system))
                        let positions: [(offset: Int, weight: Int)] = (0..<5).map { (offset($0), weights[$0]) }
                        var found = TwoBest()
                        Self.search(errors, positions: positions, from: start, sum: 3 * system + lastWeight * last,
                                    toSum: (10 - check) % 10, into: &found)
                        for path in found.paths where path.error < .infinity {
                            best.keep(Path(error: path.error, digits: (path.digits << 8) | UInt64(last) << 4 | UInt64(check)))
                        }
                    }
                }
            }
            return best.codes(digits: 8)
        }
    }

    /// The summed errors of one code (all its digits, as ``bestCodes(_:)`` gives them), or
    /// infinity when its digits do not fit the layout.
    func error(of digits: [UInt8], _ errors: [Float]) -> Float {
        guard digits.count == digitCount, digits.allSatisfy({ $0 < 10 }) else { return .infinity }
        switch kind {
        case .ean13:
            var total = errors[errorOffsets[0]] + errors[errorOffsets[7]] + errors[errorOffsets[14]]
            let parity = BlurredProductCodeReader.firstDigitParities[Int(digits[0])].utf8.map { $0 == UInt8(ascii: "G") }
            for k in 0..<12 {
                let slot = k < 6 ? 1 + k : 2 + k
                let even = k < 6 && parity[k]
                total += errors[errorOffsets[slot] + (even ? 10 : 0) + Int(digits[k + 1])]
            }
            return total
        case .ean8:
            var total = errors[errorOffsets[0]] + errors[errorOffsets[5]] + errors[errorOffsets[10]]
            for k in 0..<8 { total += errors[errorOffsets[k < 4 ? 1 + k : 2 + k] + Int(digits[k])] }
            return total
        case .upcE:
            guard digits[0] <= 1 else { return .infinity }
            let parity = Self.upcEParities[Int(digits[7])].utf8.map { ($0 == UInt8(ascii: "G")) != (digits[0] == 1) }
            var total = errors[errorOffsets[0]] + errors[errorOffsets[7]]
            for k in 0..<6 { total += errors[errorOffsets[1 + k] + (parity[k] ? 10 : 0) + Int(digits[k + 1])] }
            return total
        }
    }

    /// A code being built: its summed errors and its digits so far, four bits each.
    struct Path {
        var error: Float = .infinity
        var digits: UInt64 = 0
    }

    /// The two best paths seen, best first (two fields, not an array: the search makes ten of
    /// these per digit, and the blur model runs it on every band).
    struct TwoBest {
        var first = Path(), second = Path()
        var paths: [Path] { [first, second] }
        mutating func keep(_ path: Path) {
            if path.error < first.error {
                second = first
                first = path
            } else if path.error < second.error {
                second = path
            }
        }
        func codes(digits count: Int) -> [(digits: [UInt8], error: Float)] {
            paths.filter { $0.error < .infinity }.map { path in
                ((0..<count).map { UInt8(truncatingIfNeeded: path.digits >> (4 * UInt64(count - 1 - $0)) & 0xF) }, path.error)
            }
        }
    }

    /// Extends `start` by one digit at each of `positions` (the error of its digit 0, and its
    /// weight in the check sum), keeping the two best paths for each check sum modulo 10, and
    /// keeps in `best` the two best whose sum ends at `toSum`.
    static func search(_ errors: [Float], positions: [(offset: Int, weight: Int)], from start: Path, sum: Int, toSum: Int,
                       into best: inout TwoBest) {
        var states = [TwoBest](repeating: TwoBest(), count: 10), next = states
        states[sum % 10].keep(start)
        for position in positions {
            for i in next.indices { next[i] = TwoBest() }
            for s in 0..<10 {
                for path in [states[s].first, states[s].second] where path.error < .infinity {
                    for d in 0..<10 {
                        next[(s + position.weight * d) % 10].keep(Path(error: path.error + errors[position.offset + d], digits: path.digits << 4 | UInt64(d)))
                    }
                }
            }
            swap(&states, &next)
        }
        best.keep(states[toSum].first)
        best.keep(states[toSum].second)
    }
}
