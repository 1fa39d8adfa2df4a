import CZBar

/// Reads EAN-13 and UPC-A codes too blurred for zbar: the last escalation pass.
///
/// zbar decodes bar widths measured between edges. In an out-of-focus photo a thin space
/// between two bars no longer makes an edge — the two bars merge into one grey dip — and no
/// width zbar measures is right. This reader uses brightness itself. It averages bands of rows
/// into profiles, finds stretches of dips with quiet (bright) ends, and fits a model of a
/// blurred EAN-13 to each: the code's two ends, the blur's width, and for every digit the
/// encoding that explains the brightness best (see the model in `+Model`). The digits must
/// also agree with the left half's parity pattern and the check digit; of all such codes, the
/// best must explain the profile clearly better than the runner-up (``minimumMargin``), and two
/// bands must agree on the code before it is reported. An upside-down code is read backwards.
///
/// ```swift
/// BlurredProductCodeReader.read(uprightBars).first?.bytes   // "5000213101025" as bytes
/// ```
struct BlurredProductCodeReader {
    /// How much more error the second-best valid code must leave than the best, as a fraction
    /// of the best's: a wrong fit has rivals almost as good, a right one has none.
    static let minimumMargin: Float = 0.25
    /// Bands that must read the same code.
    static let minimumBands = 2
    /// Bands that settle it: the reader stops once a code has this many.
    static let enoughBands = 3

    /// One band's reading: the digits and where the code lies along the band.
    struct BandRead {
        var digits: [UInt8]
        var start: Double
        var end: Double
    }

    /// Codes whose bars stand upright in `image` (read along rows), upside-down ones included.
    static func read(_ image: GreyImage, deadline: ContinuousClock.Instant = .now + .seconds(1)) -> [RawSymbol] {
        guard image.width >= 100, image.height >= 8 else { return [] }
        let band = max(8, min(24, image.height / 20))
        var votes: [[UInt8]: [(read: BandRead, line: Double)]] = [:]
        var profile = [Float](repeating: 0, count: image.width)
        for top in stride(from: 0, through: image.height - band, by: band) {
            if ContinuousClock.now >= deadline { break }
            meanProfile(image, rows: top..<(top + band), into: &profile)
            for read in readBand(profile) {
                votes[read.digits, default: []].append((read, Double(top) + Double(band - 1) / 2))
            }
            if votes.values.contains(where: { $0.count >= enoughBands }) { break }
        }
        return settle(votes)
    }

    /// The codes that enough bands read. Two codes read at the same place are one code read two
    /// ways: the one more bands read wins, and neither when they tie.
    static func settle(_ votes: [[UInt8]: [(read: BandRead, line: Double)]]) -> [RawSymbol] {
        let candidates = votes.filter { $0.value.count >= minimumBands }.map { digits, reads in
            (digits: digits, reads: reads, from: reads.map(\.read.start).min()!, to: reads.map(\.read.end).max()!)
        }
        return candidates.filter { code in
            !candidates.contains { rival in
                rival.digits != code.digits && rival.reads.count >= code.reads.count && rival.from < code.to && code.from < rival.to
            }
        }
        .sorted { $0.reads.count > $1.reads.count }
        .map { code in symbol(code.digits, points: code.reads.flatMap { [(x: $0.read.start, y: $0.line), (x: $0.read.end, y: $0.line)] }) }
    }

    /// The reads of one band's profile: every stretch that looks like a code, forwards and,
    /// when that fails, backwards.
    static func readBand(_ profile: [Float]) -> [BandRead] {
        var reads: [BandRead] = []
        let last = profile.count - 1
        var reversed: [Float] = []
        for (start, end) in candidateStretches(profile) {
            if let read = fit(profile, start: start, end: end) {
                reads.append(read)
                continue
            }
            if reversed.isEmpty { reversed = profile.reversed() }
            if let read = fit(reversed, start: last - end, end: last - start) {
                reads.append(BandRead(digits: read.digits, start: Double(last) - read.end, end: Double(last) - read.start))
            }
        }
        return reads
    }

    static func meanProfile(_ image: GreyImage, rows: Range<Int>, into profile: inout [Float]) {
        let width = image.width
        var sums = [UInt32](repeating: 0, count: width)
        image.pixels.withUnsafeBufferPointer { src in
            sums.withUnsafeMutableBufferPointer { sums in
                for y in rows {
                    let line = src.baseAddress! + y * width
                    for x in 0..<width { sums[x] &+= UInt32(line[x]) }
                }
            }
        }
        let scale = 1 / Float(rows.count)
        for x in 0..<width { profile[x] = Float(sums[x]) * scale }
    }

    /// Stretches of a profile that may hold a code, from where the brightness leaves the quiet
    /// zone before the first dip to where it returns after the last: `allowed` dips (12 to 40
    /// for an EAN-13, which has 30 bars: blur merges some, noise adds a few) over at least
    /// `span` pixels (one per module), with no bright, flat gap inside as long as a quiet zone.
    static func candidateStretches(_ profile: [Float], dips allowed: ClosedRange<Int> = 12...40, span: Int = 93) -> [(Int, Int)] {
        let n = profile.count
        guard n >= 100 else { return [] }
        // Smoothed with (1 4 6 4 1)/16, about a Gaussian of one pixel.
        var q = profile
        for x in 2..<(n - 2) {
            q[x] = (profile[x - 2] + 4 * profile[x - 1] + 6 * profile[x] + 4 * profile[x + 1] + profile[x + 2]) / 16
        }
        let sorted = q.sorted()
        let high = sorted[n * 98 / 100], range = high - sorted[n * 2 / 100]
        guard range >= 16 else { return [] }
        // Dips: local minima that both sides rise above by 6 % of the range within 12 pixels.
        var dips: [Int] = []
        for x in 2..<(n - 2) where q[x] < q[x - 1] && q[x] <= q[x + 1] {
            let left = q[max(0, x - 12)..<x].max()!, right = q[(x + 1)..<min(n, x + 13)].max()!
            if min(left, right) - q[x] >= 0.06 * range { dips.append(x) }
        }
        guard dips.count >= allowed.lowerBound else { return [] }
        let spacings = zip(dips.dropFirst(), dips).map { $0 - $1 }.sorted()
        let quiet = max(8, spacings[spacings.count / 2] * 3 / 2)
        let brightLevel = high - 0.15 * range
        var stretches: [(Int, Int)] = []
        var first = 0
        for i in 1...dips.count {
            var split = i == dips.count
            if !split {
                var run = 0, longest = 0
                for x in dips[i - 1]..<dips[i] {
                    run = q[x] >= brightLevel ? run + 1 : 0
                    longest = max(longest, run)
                }
                split = longest >= quiet
            }
            if split {
                if allowed.contains(i - first), dips[i - 1] - dips[first] >= span {
                    // Out to where the quiet zones turn bright: blur can hide the thin bars at
                    // the ends (the guards) among the dips, not their darkness.
                    let reach = (dips[i - 1] - dips[first]) / 9
                    var left = dips[first], right = dips[i - 1]
                    while left > 0, dips[first] - left < reach, q[left] < brightLevel { left -= 1 }
                    while right < n - 1, right - dips[i - 1] < reach, q[right] < brightLevel { right += 1 }
                    stretches.append((left, right))
                }
                first = i
            }
        }
        return stretches
    }

    /// Fits the model to the stretch from `start` to `end`, where the quiet zones turn bright
    /// (see ``place(_:start:end:)``). Returns the best valid code when it beats the runner-up by
    /// ``minimumMargin``.
    static func fit(_ profile: [Float], start: Int, end: Int) -> BandRead? {
        guard let found = place(profile, start: start, end: end) else { return nil }
        let codes = BarLayout.ean13.bestCodes(found.errors)
        guard let winner = codes.first, codes.count == 2 else { return nil }
        let floor = max(winner.error, 1e-3)
        guard (codes[1].error - winner.error) / floor >= minimumMargin else { return nil }
        return BandRead(digits: winner.digits, start: Double(found.x0), end: Double(found.x1))
    }

    /// Where the model fits best on the stretch from `start` to `end`: the code's left edge
    /// within half a module before `start` to two after, its right edge likewise, coarsely, then
    /// finer around the best, then over the blur widths. Returns every candidate's error there
    /// (see ``errors(of:blur:into:)``), the ends, and the summed smallest errors; nil when the
    /// stretch runs off the profile.
    static func place(_ profile: [Float], start: Int, end: Int, layout: BarLayout = .ean13)
        -> (errors: [Float], x0: Float, x1: Float, total: Float)? {
        let module = Float(end - start) / Float(layout.modules + 1)
        var samples = [Float](repeating: 0, count: layout.modules * samplesPerModule + samplePadding)
        var errors = [Float](repeating: 0, count: layout.errorCount), bestErrors = errors
        var best: (error: Float, x0: Float, x1: Float, blur: Int)?
        func consider(_ x0: Float, _ x1: Float, _ blur: Int) {
            guard resample(profile, from: x0, to: x1, modules: layout.modules, into: &samples) else { return }
            let error = samples.withUnsafeBufferPointer { s in errors.withUnsafeMutableBufferPointer { layout.errors(of: s, blur: blur, into: $0) } }
            if error < best?.error ?? .infinity {
                best = (error, x0, x1, blur)
                swap(&errors, &bestErrors)
            }
        }
        // Coarse: half-module steps, the middle blur width; then eighth-module steps around the
        // best, then every blur width there.
        for i in 0...5 {
            for j in 0...5 {
                consider(Float(start) - 0.5 * module + Float(i) * module / 2, Float(end) - 2 * module + Float(j) * module / 2, 2)
            }
        }
        guard let coarse = best else { return nil }
        for i in -3...3 {
            for j in -3...3 where i != 0 || j != 0 {
                consider(coarse.x0 + Float(i) * module / 8, coarse.x1 + Float(j) * module / 8, coarse.blur)
            }
        }
        let placed = best!
        for blur in blurWidths.indices where blur != placed.blur { consider(placed.x0, placed.x1, blur) }
        guard let found = best else { return nil }
        return (bestErrors, found.x0, found.x1, found.error)
    }

    /// Brightness at the centres of `samplesPerModule` sub-modules of each of `modules` modules
    /// between `x0` and `x1` (linear interpolation); false when that runs off the profile.
    static func resample(_ profile: [Float], from x0: Float, to x1: Float, modules: Int = 95, into out: inout [Float]) -> Bool {
        let count = modules * samplesPerModule
        let step = (x1 - x0) / Float(count)
        guard x0 >= 0, x1 <= Float(profile.count - 1), step > 0 else { return false }
        profile.withUnsafeBufferPointer { p in
            out.withUnsafeMutableBufferPointer { out in
                let last = p.count - 2
                for k in 0..<count {
                    let x = x0 + (Float(k) + 0.5) * step
                    let i = min(last, Int(x)), f = x - Float(i)
                    out[k] = p[i] + f * (p[i + 1] - p[i])
                }
            }
        }
        return true
    }

    /// A product code as zbar would report it: UPC-A (12 digits) when the first digit is 0,
    /// ISBN-13 for the 978/979 book prefixes, EAN-13 otherwise.
    static func symbol(_ digits: [UInt8], points: [(x: Double, y: Double)]) -> RawSymbol {
        let type: zbar_symbol_type_t
        var bytes = digits.map { UInt8(ascii: "0") + $0 }
        if digits[0] == 0 {
            type = ZBAR_UPCA
            bytes.removeFirst()
        } else if digits.prefix(3) == [9, 7, 8] || digits.prefix(3) == [9, 7, 9] {
            type = ZBAR_ISBN13
        } else {
            type = ZBAR_EAN13
        }
        return RawSymbol(type: type, bytes: bytes, addOn: nil, isGS1: false, quality: points.count / 2, points: points, alongRows: true)
    }
}

