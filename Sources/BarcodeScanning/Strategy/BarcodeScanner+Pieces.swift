import CZBar

/// zbar reads half of an EAN-13 or UPC-A as a UPC-E now and then: the left guard, six digits
/// and the middle guard followed by one bar look exactly like a UPC-E (guard, six digits, end
/// guard). On a blurred, folded or tilted code whose full reading fails, that half is all that
/// is left, and it passes the check digit one time in ten. In the misread hunt this was 5 of
/// the 11 wrong linear texts. A real UPC-E is followed by a quiet zone; a half is followed by
/// the rest of its code. So the bars on each line that read a UPC-E are counted as far as they
/// run without a gap as wide as a quiet zone: as many bars as a long code has means the read
/// is a piece of one, and it is not reported (the longer code is what a later pass or the
/// second decoder should find). EAN-8 pieces are caught by their digits instead
/// (``SymbolMerger``): the hunt had none that this test would catch. Only zbar's reads take the
/// test: zxing-cpp's reader wants six modules of quiet zone after a UPC-E, and the blur model
/// reads EAN-13/UPC-A only.
extension BarcodeScanner {
    /// `raws` without the UPC-E reads that ``isPieceOfLongerCode(_:in:)`` rejects.
    static func withoutPieces(_ raws: [RawSymbol], in image: GreyImage) -> [RawSymbol] {
        guard raws.contains(where: { $0.type == ZBAR_UPCE }) else { return raws }
        return raws.filter { !isPieceOfLongerCode($0, in: image) }
    }

    /// True when most of the (up to eight) lines that read a UPC-E, among those that can be
    /// judged, cross about as many bars as an EAN-13 or UPC-A has (30; blur merges a few, noise
    /// adds a few: 24 to 34) before a gap of quiet-zone width. A UPC-E has 17. Lines crossing
    /// more than 34 run through texture or noise and do not vote, nor do lines with too little
    /// contrast; with none left, the read stands.
    ///
    /// Measured on the 1 600 linear photos of the misread hunt: 14 of the 24 wrong UPC-E reads
    /// were rejected and none of the 520 right ones (a range from 22 bars up rejected 11 right ones).
    static func isPieceOfLongerCode(_ raw: RawSymbol, in image: GreyImage) -> Bool {
        guard raw.type == ZBAR_UPCE, !raw.points.isEmpty else { return false }
        let alongRows = raw.alongRows ?? (Set(raw.points.map(\.y)).count >= Set(raw.points.map(\.x)).count)
        let count = min(8, raw.points.count)
        var judged = 0, runOn = 0
        for k in 0..<count {
            let point = raw.points[k * raw.points.count / count]
            let x = Int(point.x.rounded()), y = Int(point.y.rounded())
            guard x >= 0, x < image.width, y >= 0, y < image.height else { continue }
            let samples = alongRows ? Array(image.pixels[(y * image.width)..<((y + 1) * image.width)])
                                    : (0..<image.height).map { image[x, $0] }
            guard let bars = barsInGroup(samples, around: alongRows ? x : y), bars <= 34 else { continue }
            judged += 1
            if bars >= 24 { runOn += 1 }
        }
        return judged > 0 && runOn * 2 > judged
    }

    /// How many bars lie in the group around `position` on one line: the darkest points
    /// (each a valley at least 15 % of the contrast within 24 pixels, or 8 levels, below the
    /// light on both sides, so that a blurred narrow space still parts two bars) joined by
    /// gaps under 2.5 times their typical spacing (about six modules: bars inside an EAN/UPC
    /// code lie at most five modules apart; a quiet zone is at least seven). Nil when no bar
    /// lies within 24 pixels of `position`.
    static func barsInGroup(_ samples: [UInt8], around position: Int) -> Int? {
        let n = samples.count, reach = 24
        guard n > 2, position >= 0, position < n else { return nil }
        var valleys: [Int] = []
        var rising: Bool? = nil, extreme = Int(samples[0]), at = 0
        for i in 1..<n {
            let from = max(0, i - reach), to = min(n - 1, i + reach)
            var low = UInt8.max, high = UInt8.min
            for j in from...to { low = min(low, samples[j]); high = max(high, samples[j]) }
            let delta = max(8, (Int(high) - Int(low)) * 15 / 100), value = Int(samples[i])
            switch rising {
            case nil:
                if value > extreme + delta { rising = true; extreme = value; at = i }
                else if value < extreme - delta { rising = false; extreme = value; at = i }
            case true?:
                if value > extreme { extreme = value; at = i }
                else if value < extreme - delta { rising = false; extreme = value; at = i }
            case false?:
                if value < extreme { extreme = value; at = i }
                else if value > extreme + delta { valleys.append(at); rising = true; extreme = value; at = i }
            }
        }
        guard valleys.count >= 2,
              let nearest = valleys.indices.min(by: { abs(valleys[$0] - position) < abs(valleys[$1] - position) }),
              abs(valleys[nearest] - position) <= reach else { return nil }
        // The typical spacing: the median of the twelve gaps nearest the read's end.
        let gaps = (0..<(valleys.count - 1)).sorted { abs($0 - nearest) < abs($1 - nearest) }.prefix(12)
            .map { valleys[$0 + 1] - valleys[$0] }.sorted()
        let limit = max(5, Double(gaps[gaps.count / 2]) * 2.5)
        var bars = 1
        var j = nearest
        while j + 1 < valleys.count, Double(valleys[j + 1] - valleys[j]) < limit { bars += 1; j += 1 }
        j = nearest
        while j > 0, Double(valleys[j] - valleys[j - 1]) < limit { bars += 1; j -= 1 }
        return bars
    }
}
