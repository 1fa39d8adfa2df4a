/// The bar-darkness check: how much of each digit is bar, against the digits read.
///
/// An EAN/UPC decoder tells 1 from 7 and 2 from 8 by bar widths alone: the distances from one
/// bar's edge to the next bar's same edge, which decide every other digit, are equal within
/// each pair. Blur, ink spread and thin bars widen or narrow bars alike, so a read can turn
/// several 1s and 2s into 7s and 8s (or back) and keep a valid check digit; several scan lines
/// then agree on the wrong code. What tells the pair apart survives blur: how dark the digit
/// is on average. A 7 or 8 is five modules of bar out of seven where a 1 or 2 is three (their
/// even and right-hand forms four and two), and a digit's mean brightness does not move when
/// the blur or the placement shifts by a fraction of a module, since every digit begins and
/// ends with the same kind of module.
///
/// So each line the model was placed on gives one mean brightness per digit, fitted as a
/// straight function of each digit's bar share (plus a gentle slope along the code for uneven
/// light). Each code whose check digit holds and that differs from the read only by 1↔7 and
/// 2↔8 (its "width twins") is fitted the same way, and so are the other readings made at the
/// same place. A line speaks for one of them when it explains the line well and the read
/// clearly worse, and for the read the other way round.
///
/// In the misread hunts (about 2 200 doubtful reads with a twin or another reading, six
/// hunts), no right read had two lines speaking for another code; eight wrong reads did, and
/// every time for the printed code. A fresh hunt then showed two right UPC-E reads turned into
/// twins, hence the limits in ``darknessVotes(of:others:layout:on:)``.
///
/// ```swift
/// ProductCodeFit.widthTwins(of: [8,9,3,5,0,3,4,3,7,8,7,5,2], kind: .ean13)
/// // [[8,9,3,5,0,3,4,3,1,2,1,5,2], …]: 8935034312152 among them
/// ```
extension ProductCodeFit {
    /// Digits an EAN/UPC decoder tells apart by bar widths alone.
    static let widthTwin: [UInt8?] = [nil, 7, 8, nil, nil, nil, nil, 1, 2, nil]
    /// A line's misfit, in units of the brightness step between a digit's bar share and its
    /// twin's, under which it explains the digits well…
    static let goodFit = 0.3
    /// …and by how much more the other reading must then be misfit for the line to speak.
    static let clearGap = 0.7
    /// Lines that must speak for a twin (and outnumber those that speak for the read).
    static let twinLines = 2

    /// How the lines' darkness speaks about a read and the codes weighed against it.
    struct DarknessVotes: Equatable {
        /// The codes weighed against the read: its width twins, then the other readings.
        var codes: [[UInt8]] = []
        /// Lines speaking for each of ``codes`` (by index), and for the read.
        var forCode: [Int: Int] = [:]
        var forRead = 0

        /// The one code at least ``twinLines`` lines speak for, more than for the read, when
        /// no line speaks for another code.
        var clearTwin: [UInt8]? {
            guard forCode.count == 1, let (code, lines) = forCode.first, lines >= twinLines, lines > forRead else { return nil }
            return codes[code]
        }
    }

    /// The code the bars' darkness shows instead of `digits` (all of a code's digits in
    /// `layout`'s form, as ``digits(of:)`` gives them): a width twin, or one of `others` (other
    /// readings at the same place, any form), that at least ``twinLines`` lines speak for,
    /// more than speak for the read, and no line for another code. Nil when there is no such
    /// code to weigh or the lines do not say.
    static func clearTwin(of digits: [UInt8], others: [String] = [], layout: (layout: BarLayout, dips: ClosedRange<Int>, span: Int),
                          on bars: inout Bars) -> [UInt8]? {
        darknessVotes(of: digits, others: others, layout: layout, on: &bars).clearTwin
    }

    /// What each placed line's darkness says: for the read, for one of the codes weighed
    /// against it (see ``clearTwin(of:others:layout:on:)``), or nothing. No votes when there
    /// is no code to weigh.
    ///
    /// A line whose bar fit shows the read clearly (its best valid code, the runner-up leaving
    /// at least ``confirmMargin`` more error) speaks for the read whatever its darkness says:
    /// the darkness of a misplaced line is no evidence against a clean one. A UPC-E's width
    /// twins are not weighed, only other readings: its six digits, fitted with three
    /// parameters, leave three degrees of freedom, too few to make a code no decoder read (on a
    /// fresh hunt, seed 19, two right UPC-E reads were turned into twins so, by lines under glare
    /// or misplaced, and no UPC-E twin was ever the printed code).
    static func darknessVotes(of digits: [UInt8], others: [String] = [], layout: (layout: BarLayout, dips: ClosedRange<Int>, span: Int),
                              on bars: inout Bars) -> DarknessVotes {
        let kind = layout.layout.kind
        var votes = DarknessVotes(codes: kind == .upcE ? [] : widthTwins(of: digits, kind: kind))
        for other in others {
            if let code = Self.digits(of: other, as: kind), code != digits, !votes.codes.contains(code) { votes.codes.append(code) }
        }
        guard !votes.codes.isEmpty else { return votes }
        let placements = bars.placements(layout)
        let readShares = barShares(of: digits, kind: kind), twinShares = votes.codes.map { barShares(of: $0, kind: kind) }
        for placement in placements {
            if let fit = fit(placement, layout: layout.layout, read: digits), fit.best == digits, fit.margin >= confirmMargin {
                votes.forRead += 1
                continue
            }
            let brightness = digitBrightness(placement, layout: layout.layout)
            let read = straightFit(brightness, readShares)
            guard read.slope < 0 else { continue }
            // The brightness step between three and five modules of bar out of seven.
            let unit = (read.slope * 2 / 7) * (read.slope * 2 / 7)
            let readMisfit = read.misfit / unit
            let best = twinShares.indices.map { (index: $0, misfit: straightFit(brightness, twinShares[$0]).misfit / unit) }
                .min { $0.misfit < $1.misfit }!
            if best.misfit < goodFit && readMisfit > best.misfit + clearGap {
                votes.forCode[best.index, default: 0] += 1
            } else if readMisfit < goodFit && best.misfit > readMisfit + clearGap {
                votes.forRead += 1
            }
        }
        return votes
    }

    /// The codes whose check digit holds that differ from `digits` only by 1↔7 and 2↔8 in
    /// digits the bars carry (not an EAN-13's first digit, nor a UPC-E's number system and
    /// check digit, which the parities carry: those stay as read).
    static func widthTwins(of digits: [UInt8], kind: BarLayout.Kind) -> [[UInt8]] {
        let carried: Range<Int> = switch kind {
        case .ean13: 1..<13
        case .ean8: 0..<8
        case .upcE: 1..<7
        }
        guard digits.count == (kind == .ean13 ? 13 : 8), digits.allSatisfy({ $0 < 10 }) else { return [] }
        let swappable = carried.filter { widthTwin[Int(digits[$0])] != nil }
        var twins: [[UInt8]] = []
        for mask in 1..<(1 << swappable.count) {
            var twin = digits
            for (bit, position) in swappable.enumerated() where mask & (1 << bit) != 0 {
                twin[position] = widthTwin[Int(twin[position])]!
            }
            if checkDigitHolds(twin, kind: kind) { twins.append(twin) }
        }
        return twins
    }

    /// Whether a code's last digit is its check digit (a UPC-E's, of the UPC-A it stands for).
    static func checkDigitHolds(_ digits: [UInt8], kind: BarLayout.Kind) -> Bool {
        let body = (kind == .upcE ? upcA(of: digits) : Array(digits)).dropLast().map(Int.init)
        // Weights 3, 1, 3, … from the digit before the check digit backwards.
        let sum = body.reversed().enumerated().reduce(0) { $0 + $1.element * ($1.offset % 2 == 0 ? 3 : 1) }
        return (10 - sum % 10) % 10 == Int(digits.last!)
    }

    /// The UPC-A (12 digits) a UPC-E (8 digits) stands for, by its sixth digit (the one table of
    /// it in scanning; ``BarcodeScanner/expandedUPCE(_:)`` gives it as text).
    static func upcA(of d: [UInt8]) -> [UInt8] {
        switch d[6] {
        case 0...2: [d[0], d[1], d[2], d[6], 0, 0, 0, 0, d[3], d[4], d[5], d[7]]
        case 3: [d[0], d[1], d[2], d[3], 0, 0, 0, 0, 0, d[4], d[5], d[7]]
        case 4: [d[0], d[1], d[2], d[3], d[4], 0, 0, 0, 0, 0, d[5], d[7]]
        default: [d[0], d[1], d[2], d[3], d[4], d[5], 0, 0, 0, 0, d[6], d[7]]
        }
    }

    /// A reading's digits in a layout's form, when its check digit holds there: an EAN-13
    /// takes a UPC-A with its leading zero and a UPC-E as the UPC-A it stands for; a UPC-E
    /// takes a UPC-A (or an EAN-13 with a leading zero) that it can stand for; an EAN-8 takes
    /// eight digits. Nil otherwise.
    static func digits(of text: String, as kind: BarLayout.Kind) -> [UInt8]? {
        var d = text.utf8.map { $0 &- UInt8(ascii: "0") }
        guard d.allSatisfy({ $0 < 10 }) else { return nil }
        switch (kind, d.count) {
        case (.ean13, 13), (.ean8, 8), (.upcE, 8): break
        case (.ean13, 12): d.insert(0, at: 0)
        case (.ean13, 8) where d[0] <= 1: d = [0] + upcA(of: d)
        case (.upcE, 12), (.upcE, 13):
            guard let upcE = BarcodeScanner.compressedUPCE(text) else { return nil }
            d = upcE.utf8.map { $0 - UInt8(ascii: "0") }
        default: return nil
        }
        return checkDigitHolds(d, kind: kind) ? d : nil
    }

    /// Each bar-carried digit's share of bar modules (out of seven) in `digits`.
    static func barShares(of digits: [UInt8], kind: BarLayout.Kind) -> [Double] {
        // L encodings' bar modules; G and R encodings have the others (7 − L's).
        let l = BlurredProductCodeReader.lEncodings.map { $0.utf8.filter { $0 == UInt8(ascii: "1") }.count }
        func share(_ digit: UInt8, odd: Bool) -> Double { Double(odd ? l[Int(digit)] : 7 - l[Int(digit)]) / 7 }
        switch kind {
        case .ean13:
            let parity = Array(BlurredProductCodeReader.firstDigitParities[Int(digits[0])].utf8)
            return (0..<12).map { k in share(digits[k + 1], odd: k < 6 && parity[k] == UInt8(ascii: "L")) }
        case .ean8:
            return (0..<8).map { k in share(digits[k], odd: k < 4) }
        case .upcE:
            let parity = BarLayout.upcEParities[Int(digits[7])].utf8.map { ($0 == UInt8(ascii: "G")) != (digits[0] == 1) }
            return (0..<6).map { k in share(digits[k + 1], odd: !parity[k]) }
        }
    }

    /// The mean brightness over each digit's seven modules where the model was placed, and
    /// where along the code each digit begins (0 to 1).
    static func digitBrightness(_ placement: Placement, layout: BarLayout) -> (means: [Double], positions: [Double]) {
        let module = Double(placement.x1 - placement.x0) / Double(layout.modules)
        let samples = 56, p = placement.profile
        var means: [Double] = [], positions: [Double] = []
        for slot in layout.slots where slot.modules == 7 {
            let start = Double(placement.x0) + Double(slot.firstModule) * module
            var sum = 0.0
            for j in 0..<samples {
                let x = start + (Double(j) + 0.5) * 7 * module / Double(samples)
                let i = max(0, min(p.count - 2, Int(x))), f = x - Double(i)
                sum += Double(p[i]) + f * Double(p[i + 1] - p[i])
            }
            means.append(sum / Double(samples))
            positions.append(Double(slot.firstModule) / Double(layout.modules))
        }
        return (means, positions)
    }

    /// Least squares of the digits' brightness as offset + slope × bar share + tilt × position:
    /// the squared error left (`misfit`), and the slope of the fit without the tilt.
    static func straightFit(_ brightness: (means: [Double], positions: [Double]), _ shares: [Double]) -> (misfit: Double, slope: Double) {
        let y = brightness.means, t = brightness.positions, n = Double(y.count)
        let meanShare = shares.reduce(0, +) / n, meanY = y.reduce(0, +) / n
        var sxx = 0.0, sxy = 0.0
        for i in y.indices { sxx += (shares[i] - meanShare) * (shares[i] - meanShare); sxy += (shares[i] - meanShare) * (y[i] - meanY) }
        let slope = sxx > 0 ? sxy / sxx : 0
        // With the tilt: the normal equations of (1, share, position), solved by elimination.
        var a = [[Double]](repeating: [0, 0, 0, 0], count: 3)
        for i in y.indices {
            let x = [1, shares[i], t[i]]
            for r in 0..<3 {
                for c in 0..<3 { a[r][c] += x[r] * x[c] }
                a[r][3] += x[r] * y[i]
            }
        }
        for c in 0..<3 {
            let pivot = (c..<3).max { abs(a[$0][c]) < abs(a[$1][c]) }!
            a.swapAt(c, pivot)
            guard abs(a[c][c]) > 1e-12 else { return (.infinity, slope) }
            for r in 0..<3 where r != c {
                let m = a[r][c] / a[c][c]
                for k in c..<4 { a[r][k] -= m * a[c][k] }
            }
        }
        let beta = (0..<3).map { a[$0][3] / a[$0][$0] }
        var misfit = 0.0
        for i in y.indices {
            let r = y[i] - beta[0] - beta[1] * shares[i] - beta[2] * t[i]
            misfit += r * r
        }
        return (misfit, slope)
    }
}
