/// Collects symbols from several passes: the same symbol (same kind, same content) found again
/// adds to its quality instead of being listed twice; positions are mapped back to the
/// decoded image's coordinates.
///
/// It also judges the reads: zbar sometimes misreads the left half of a blurred EAN-13 (the
/// check digit cannot catch every such error), so two product codes with the same right half
/// are one code read two ways; the strategy then lets every pass left vote and keeps the
/// reading with the most scan lines. Add-ons alone and single-line reads of the symbologies
/// without a check digit are dropped as noise. zbar also reads the middle of a tilted UPC-A or
/// EAN-13 as an EAN-8 (or UPC-E) now and then: a short code whose digits lie inside a longer
/// code of the same photo is dropped, and a short code read by one scan line is not trusted
/// enough to stop escalating, so that a later pass can find the longer code.
struct SymbolMerger {
    private var found: [DecodedSymbol] = []
    private var index: [String: Int] = [:]
    /// The found symbols (by position in `found`) that a pass after the first also read.
    private var readAgain: Set<Int> = []

    /// The symbols to report: conflicts resolved, noise dropped.
    var symbols: [DecodedSymbol] {
        var kept: [DecodedSymbol] = []
        let longCodes = found.filter(Self.isLongProductCode).map(\.text)
        for symbol in found where !Self.isNoise(symbol) {
            if let half = Self.rightHalf(symbol),
               found.contains(where: { $0 != symbol && Self.rightHalf($0) == half && Self.beats($0, symbol) }) {
                continue  // a rival reading of the same code won more scan lines
            }
            if Self.isShortProductCode(symbol), longCodes.contains(where: { $0.contains(symbol.text) }) {
                continue  // part of a longer code, read as a short one
            }
            if found.contains(where: { Self.isRivalShortCode($0, of: symbol) && Self.beats($0, symbol) }) {
                continue  // another reading of this short code won more scan lines
            }
            kept.append(symbol)
        }
        return kept
    }

    /// The other readings of `symbol`'s code: product codes with the same right half, most scan
    /// lines first.
    func rivals(of symbol: DecodedSymbol) -> [String] {
        let half = Self.rightHalf(symbol)
        return found.filter { $0.text != symbol.text && (half != nil && Self.rightHalf($0) == half || Self.isRivalShortCode($0, of: symbol)) }
            .sorted { $0.quality > $1.quality }.map(\.text)
    }

    /// True when `other` is a different UPC-E read at the same place as `symbol` (centres closer
    /// than 150 pixels, or than the longer outline), or a different EAN-8 with the same left half
    /// there: one code read two ways. UPC-E's six digits and weak check digit let zbar find a
    /// valid wrong reading on one line of a blurred code (32 % of one-line UPC-E reads in the
    /// misread hunt were wrong), often beside the right one; an EAN-8's halves are read apart,
    /// and one line can pair the right left half with a wrong right half that keeps the check.
    static func isRivalShortCode(_ other: DecodedSymbol, of symbol: DecodedSymbol) -> Bool {
        guard isShortProductCode(symbol), other.symbology == symbol.symbology, other.text != symbol.text,
              symbol.symbology == .upcE || other.text.prefix(4) == symbol.text.prefix(4),
              let a = centre(symbol), let b = centre(other) else { return false }
        let reach = max(150.0, extent(symbol), extent(other))
        return (a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y) < reach * reach
    }

    static func centre(_ symbol: DecodedSymbol) -> (x: Double, y: Double)? {
        guard !symbol.polygon.isEmpty else { return nil }
        let n = Double(symbol.polygon.count)
        return (Double(symbol.polygon.reduce(0) { $0 + $1.x }) / n, Double(symbol.polygon.reduce(0) { $0 + $1.y }) / n)
    }

    static func extent(_ symbol: DecodedSymbol) -> Double {
        guard let b = symbol.bounds else { return 0 }
        return Double(max(b.maxX - b.minX, b.maxY - b.minY))
    }

    /// True when two product codes share their right half, or two UPC-E (or EAN-8 with the same
    /// left half) lie at one place: one code read two ways.
    var hasConflict: Bool {
        var halves: Set<String> = []
        for symbol in found { if let half = Self.rightHalf(symbol), !halves.insert(half).inserted { return true } }
        let short = found.filter(Self.isShortProductCode)
        return short.count > 1 && short.contains { a in short.contains { b in Self.isRivalShortCode(b, of: a) } }
    }

    mutating func add(_ raws: [RawSymbol], map: PointMap, pass: ScanPass) {
        for raw in raws {
            guard let symbology = raw.symbology else { continue }
            let (text, encoding) = Self.text(of: raw, symbology: symbology)
            let key = Self.key(symbology: symbology, text: text, bytes: raw.bytes)
            if let existing = index[key] {
                if pass != .direct { readAgain.insert(existing) }
                found[existing].quality += raw.quality
                if found[existing].addOn == nil { found[existing].addOn = raw.addOn }
                continue
            }
            let polygon = raw.points.map { point -> Point in
                let p = map.apply(point.x, point.y)
                return Point(x: Int(p.x.rounded()), y: Int(p.y.rounded()))
            }
            index[key] = found.count
            found.append(DecodedSymbol(symbology: symbology, text: text, bytes: raw.bytes, encoding: encoding,
                                         addOn: raw.addOn, isGS1: raw.isGS1, quality: raw.quality,
                                         polygon: polygon, pass: pass))
        }
    }

    /// How far the reads so far can be trusted, for the escalation (see ``trust``).
    enum Trust: Equatable {
        /// Keep escalating: nothing read, a conflict, or only reads that need more lines.
        case notYet
        /// Only the blur model's passes still vote: the best read is a 12- or 13-digit product
        /// code that one line of a later pass read.
        case awaitingBlurModel
        /// Stop escalating.
        case confident
    }

    /// True once a symbol is trustworthy enough to stop escalating (``Trust/confident``).
    var isConfident: Bool { trust == .confident }

    /// Whether to stop escalating: a symbol that is anything but an add-on alone or a short read
    /// of the check-digit-less symbologies (which photos of text can fake) stops it. One line
    /// of a later pass that read an EAN-13 or UPC-A lets the blur model vote first: on nine
    /// misread hunts it then read two EAN-13s that such a line had misread, as printed.
    var trust: Trust {
        guard !hasConflict else { return .notYet }
        let kept = Set(symbols)
        var trust = Trust.notYet
        for i in found.indices where kept.contains(found[i]) {
            let symbol = found[i]
            let onlyFirstPass = symbol.pass == .direct && !readAgain.contains(i)
            switch symbol.symbology {
            case .ean2, .ean5: continue
            case .interleaved2of5, .codabar, .code39, .code93:
                if symbol.text.utf8.count >= 8 && symbol.quality >= 2 { return .confident }
            // A short code from the first pass alone may be the middle of a tilted long one,
            // which a few lines cross: eight lines (24 pixels of code) are needed to trust it.
            case .ean8, .upcE:
                if symbol.quality >= (onlyFirstPass ? 8 : 2) { return .confident }
            // The first pass follows more lines through a code than it needs: one line alone
            // may be a misread (a few edges of noise can still satisfy the check digit).
            case _ where !symbol.symbology.isTwoDimensional && symbol.quality < 2 && onlyFirstPass: continue
            // One line of a later pass: the blur model may still read the code otherwise.
            case _ where symbol.symbology.isRetailLinear && symbol.quality < 2: trust = .awaitingBlurModel
            default: return .confident
            }
        }
        return trust
    }

    /// True when `rival` outvotes `symbol`: more scan lines, or as many when `symbol` is a
    /// single line of the first pass (see ``isConfident``) and `rival` is not.
    static func beats(_ rival: DecodedSymbol, _ symbol: DecodedSymbol) -> Bool {
        func isSingleFirstPassLine(_ s: DecodedSymbol) -> Bool { s.quality == 1 && s.pass == .direct }
        return rival.quality > symbol.quality
            || (rival.quality == symbol.quality && isSingleFirstPassLine(symbol) && !isSingleFirstPassLine(rival))
    }

    /// Codes with no data, add-ons without their product code, check-digit-less codes read by one scan line,
    /// DataBar read by one scan line (zbar finds its weak check satisfied in the modules of QR
    /// and DataMatrix codes, in the misread hunt), and a UPC-E read by one line of the
    /// double-size copy: that line is interpolated between two of the photo's, and in the
    /// misread hunt all five such reads were wrong — pieces of a longer code — while no right
    /// UPC-E came from there alone. Also a Code 128 of one to three characters read by one line
    /// (zbar found `"` in the bars of a tilted EAN-13), and an Interleaved 2 of 5 other than an
    /// ITF-14 read by fewer than three lines: it has no check digit, and in the hunt zbar read
    /// six-digit ones in the bars of EAN-8 codes on two lines.
    static func isNoise(_ symbol: DecodedSymbol) -> Bool {
        if symbol.bytes.isEmpty { return true }   // a code with no data (zbar's Code 128 in noise)
        return switch symbol.symbology {
        case .ean2, .ean5: true
        case .code128: symbol.quality < 2 && symbol.bytes.count < 4
        case .interleaved2of5: symbol.quality < (symbol.bytes.count == 14 ? 2 : 3)
        case .codabar, .code39, .code93, .dataBar, .dataBarExpanded: symbol.quality < 2
        case .upcE: symbol.quality < 2 && symbol.pass == .doubleSize
        default: false
        }
    }

    /// EAN-8 and UPC-E: the short product codes zbar can find inside a longer one.
    static func isShortProductCode(_ symbol: DecodedSymbol) -> Bool {
        symbol.symbology == .ean8 || symbol.symbology == .upcE
    }

    /// EAN-13, UPC-A and ISBN-13: the 12- and 13-digit product codes.
    static func isLongProductCode(_ symbol: DecodedSymbol) -> Bool {
        symbol.symbology.isRetailLinear && symbol.symbology != .upcE && symbol.text.utf8.count >= 12
    }

    /// The last six digits of a 12- or 13-digit product code (its right half with the check digit).
    static func rightHalf(_ symbol: DecodedSymbol) -> String? {
        guard isLongProductCode(symbol) else { return nil }
        return String(symbol.text.suffix(6))
    }

    static func text(of raw: RawSymbol, symbology: Symbology) -> (String, String) {
        if symbology.isTwoDimensional { return QRTextDecoding.decode(raw.bytes) }
        return (String(decoding: raw.bytes, as: UTF8.self), "UTF-8")
    }

    /// EAN/UPC texts compare in their 13-digit form so that a UPC-A read as EAN-13 by another
    /// pass is one symbol.
    static func key(symbology: Symbology, text: String, bytes: [UInt8]) -> String {
        if symbology.isRetailLinear, symbology != .upcE {
            return "retail:" + String(repeating: "0", count: max(0, 13 - text.count)) + text
        }
        if symbology.isTwoDimensional { return "2d:" + bytes.map { String($0, radix: 16) }.joined(separator: ".") }
        return symbology.rawValue + ":" + text
    }
}
