/// Every read is verified before it is reported: a linear code zbar read is read again by
/// zxing-cpp, a decoder that shares none of zbar's code, on a crop around the code (and, when
/// it reads nothing there, on a wider area, where only the same code counts); the two agreeing
/// confirm it. Two-dimensional codes are checked by their own error correction.
/// An EAN/UPC read that zxing-cpp does not confirm is checked against its bars
/// (``ProductCodeFit``): when they clearly show another valid code, that code is reported,
/// conflicting, with the decoders' reading as the alternative; when they clearly show the
/// read, line after line, it is confirmed (reason `fitted-bars`). Anything else is reported as
/// doubtful (``ReadConfidence``), with the other texts read at the same place.
extension BarcodeScanner {
    /// `symbols` (in `image`'s coordinates) with their ``DecodedSymbol/confidence`` set;
    /// `rivals(symbol)` gives the other readings of the same code the passes made.
    /// A short code still doubtful after verification that lies where a longer product code was
    /// read is a piece of that code (see ``isPiece(_:of:)``) and is left out.
    static func verified(_ symbols: [DecodedSymbol], in image: GreyImage,
                         rivals: (DecodedSymbol) -> [String] = { _ in [] }) -> [DecodedSymbol] {
        // A read the bar fit turned into another code may now repeat a symbol: kept once. A
        // doubtful one gains the other's readings as alternatives; a confirmed one stays as it
        // is (two decoders read it, and the fit showed it too where the misread lay).
        var checked: [DecodedSymbol] = [], index: [String: Int] = [:]
        for symbol in symbols.map({ verify($0, in: image, rivals: rivals($0)) }) {
            let key = SymbolMerger.key(symbology: symbol.symbology, text: symbol.text, bytes: symbol.bytes)
            guard let first = index[key] else {
                index[key] = checked.count
                checked.append(symbol)
                continue
            }
            guard checked[first].confidence.isDoubtful else { continue }
            for other in symbol.confidence.alternatives where !checked[first].confidence.alternatives.contains(other) {
                checked[first].confidence.alternatives.append(other)
            }
        }
        // A weak reading lying on a stronger one is that code's alternative (it is then conflicting).
        var folded = Set<Int>()
        for i in checked.indices {
            guard let j = checked.indices.first(where: { $0 != i && !folded.contains($0) && isWeakerReading(checked[i], of: checked[$0]) })
            else { continue }
            folded.insert(i)
            var confidence = checked[j].confidence
            if confidence.level != .conflicting { confidence = ReadConfidence(level: .conflicting, reason: .otherReading) }
            for text in [checked[i].text] + checked[i].confidence.alternatives
            where !confidence.alternatives.contains(text) && !sameCode(text, checked[j].text, symbology: checked[j].symbology) {
                confidence.alternatives.append(text)
            }
            checked[j].confidence = confidence
        }
        checked = checked.indices.filter { !folded.contains($0) }.map { checked[$0] }
        let longCodes = checked.filter(SymbolMerger.isLongProductCode)
        return checked.filter { symbol in
            !longCodes.contains { isPiece(symbol, of: $0) } && !(symbol.confidence.isDoubtful && isNumberSystem1UPCE(symbol.symbology, symbol.text))
        }
    }

    /// True when `weak` is another reading of the code `strong` was read as: two 12- or 13-digit
    /// product codes, `weak` doubtful and read by one or two lines, `strong` by more (confirmed
    /// or not: it then becomes conflicting, with `weak` among its alternatives), with every
    /// point of `weak`'s outline on `strong`'s code (its outline widened by a tenth of its length
    /// along the code and by 60 % across it, where its bars reach beyond the lines that read
    /// it). A blurred EAN-13 (a fixture photo) had one line of the 2× pass read `7524747707181`
    /// and the blur model read `5000213101025`, as printed, on three lines: both were listed as
    /// codes of their own.
    static func isWeakerReading(_ weak: DecodedSymbol, of strong: DecodedSymbol) -> Bool {
        guard SymbolMerger.isLongProductCode(weak), weak.confidence.isDoubtful, SymbolMerger.isLongProductCode(strong),
              weak.quality <= 2, strong.quality > weak.quality,
              !sameCode(weak.text, strong.text, symbology: strong.symbology), let b = strong.bounds, !weak.polygon.isEmpty
        else { return false }
        let width = Double(b.maxX - b.minX), height = Double(b.maxY - b.minY), length = max(width, height)
        let (padX, padY) = width >= height ? (length * 0.1, length * 0.6) : (length * 0.6, length * 0.1)
        return weak.polygon.allSatisfy { p in
            Double(b.minX) - padX <= Double(p.x) && Double(p.x) <= Double(b.maxX) + padX
                && Double(b.minY) - padY <= Double(p.y) && Double(p.y) <= Double(b.maxY) + padY
        }
    }

    /// True for a UPC-E of number system 1: no GS1 code (GS1 carries in UPC-E only GTIN-12s of
    /// U.P.C. prefix 0), and zbar does not read one. zxing-cpp does; in the misread hunts every
    /// such read of it was a misread of a number-system-0 code. A doubtful one is left out
    /// (when the bars showed another code, that code is reported instead, see
    /// ``verify(_:in:rivals:)``), and none is taken as another reading of a code.
    static func isNumberSystem1UPCE(_ symbology: Symbology, _ text: String) -> Bool {
        symbology == .upcE && text.utf8.count == 8 && text.utf8.first == UInt8(ascii: "1")
    }

    /// True when `symbol` is a doubtful EAN-8 or UPC-E whose centre lies on the long product code
    /// `long`: within its outline widened by 60 % of its length (a one-line read's outline is a
    /// point or two). zbar reads the middle of a tilted or blurred EAN-13/UPC-A as a short code;
    /// the second decoder turns such a read into the long code when it finds it on the crop, and
    /// where it does not, the long code read elsewhere in the photo shows what the short one is.
    /// In the misread hunt this left out 4 wrong short codes beside their right long code, and
    /// no right read.
    static func isPiece(_ symbol: DecodedSymbol, of long: DecodedSymbol) -> Bool {
        guard SymbolMerger.isShortProductCode(symbol), symbol.confidence.isDoubtful,
              let c = SymbolMerger.centre(symbol), let b = long.bounds else { return false }
        let pad = max(16, Double(max(b.maxX - b.minX, b.maxY - b.minY)) * 0.6)
        return Double(b.minX) - pad <= c.x && c.x <= Double(b.maxX) + pad && Double(b.minY) - pad <= c.y && c.y <= Double(b.maxY) + pad
    }

    /// One symbol, verified. An EAN-8 or UPC-E where the second decoder reads a 12- or 13-digit
    /// product code is the middle of that code misread as a short one (zbar does this on
    /// tilted or blurred EAN-13s): the longer code is reported instead, as conflicting, with
    /// the short reading as the alternative.
    static func verify(_ symbol: DecodedSymbol, in image: GreyImage, rivals: [String]) -> DecodedSymbol {
        var symbol = symbol
        if symbol.isBinary, symbol.symbology == .qrCode, let text = eciText(of: symbol, in: image) {
            // zbar gives a QR code's bytes without its ECI; zxing-cpp decodes text in the
            // character set the ECI names (Windows-1258 Vietnamese, say).
            symbol.text = text
            symbol.encoding = "ECI"
        }
        return verify(symbol, in: image, rivals: rivals,
                      secondReading: symbol.symbology.isTwoDimensional ? nil : secondReading(of: symbol, in: image))
    }

    /// ``verify(_:in:rivals:)`` given what zxing-cpp read around the symbol (nil: nothing, or
    /// it cannot confirm this symbology).
    static func verify(_ symbol: DecodedSymbol, in image: GreyImage, rivals: [String], secondReading second: [RawSymbol]?) -> DecodedSymbol {
        var symbol = symbol
        if SymbolMerger.isShortProductCode(symbol), let long = second?.first(where: { raw in
            raw.symbology.map { $0.isRetailLinear && $0 != .upcE } == true && raw.bytes.count >= 12 }),
           let symbology = long.symbology {
            let short = symbol.text
            symbol.symbology = symbology
            symbol.bytes = long.bytes
            symbol.text = String(decoding: long.bytes, as: UTF8.self)
            symbol.confidence = ReadConfidence(level: .conflicting, reason: .otherReading, alternatives: [short])
            return symbol
        }
        symbol.confidence = confidence(of: symbol, secondReading: second, rivals: rivals)
        guard symbol.confidence.isDoubtful, ProductCodeFit.digits(of: symbol) != nil else { return symbol }
        var bars = ProductCodeFit.Bars(lines: ProductCodeFit.lines(through: symbol, in: image))
        if let rival = ProductCodeFit.clearRival(of: symbol, on: &bars) {
            symbol = refitted(symbol, as: rival.layout, digits: rival.digits)
        }
        // Then how dark each digit is, which tells 1 from 7 and 2 from 8 where widths cannot,
        // and weighs the other readings made there.
        guard let digits = ProductCodeFit.digits(of: symbol), let layout = ProductCodeFit.layout(of: symbol.symbology) else { return symbol }
        let votes = ProductCodeFit.darknessVotes(of: digits, others: symbol.confidence.alternatives, layout: layout, on: &bars)
        if let twin = votes.clearTwin { return refitted(symbol, as: layout.layout, digits: twin, reason: .barDarkness) }
        // A read one decoder made (not the blur model's: the fit is its own model) that the
        // bars show clearly, line after line, with no line's darkness for another code: two
        // kinds of evidence agree.
        if symbol.confidence.reason == .oneDecoder, votes.forCode.isEmpty,
           ProductCodeFit.confirms(digits, layout: layout, short: SymbolMerger.isShortProductCode(symbol), on: &bars) {
            symbol.confidence = ReadConfidence(level: .confirmed, reason: .fittedBars)
        }
        return symbol
    }

    /// `symbol` as the code its bars clearly show (``ProductCodeFit``): an EAN-8 or UPC-E in
    /// those layouts; in the EAN-13's, a UPC-A when the first of the 13 digits is 0, an ISBN-13
    /// for the 978/979 book prefixes, an EAN-13 otherwise. Conflicting, with the decoders'
    /// reading first among the alternatives; `reason` says which check of the bars showed it.
    static func refitted(_ symbol: DecodedSymbol, as layout: BarLayout, digits: [UInt8],
                         reason: ReadConfidence.Reason = .barFit) -> DecodedSymbol {
        var refit = symbol
        switch layout.kind {
        case .ean13:
            let raw = BlurredProductCodeReader.symbol(digits, points: [])
            refit.symbology = raw.symbology ?? .ean13
            refit.bytes = raw.bytes
        case .ean8, .upcE:
            refit.symbology = layout.kind == .ean8 ? .ean8 : .upcE
            refit.bytes = digits.map { UInt8(ascii: "0") + $0 }
        }
        refit.text = String(decoding: refit.bytes, as: UTF8.self)
        let others = [symbol.text] + symbol.confidence.alternatives
        refit.confidence = ReadConfidence(level: .conflicting, reason: reason,
                                          alternatives: others.filter { !sameCode($0, refit.text, symbology: refit.symbology) })
        return refit
    }

    /// The text of a QR code zbar read as bytes, as zxing-cpp decodes it (in the character set its
    /// ECI names) from the code's area, or from that area at double size when zxing-cpp cannot
    /// find the code at the photo's size (a curved, glossy pack in the misread hunt); nil when
    /// zxing-cpp reads no text there.
    static func eciText(of symbol: DecodedSymbol, in image: GreyImage) -> String? {
        guard let crop = codeArea(of: symbol, in: image) else { return nil }
        for area in [crop, crop.resized(width: crop.width * 2, height: crop.height * 2)] {
            let texts = ZXingReader.read(area, formats: .qrCode)?.lazy.map { QRTextDecoding.decode($0.bytes) }
            if let text = texts?.first(where: { $0.encoding != "binary" }) { return text.text }
        }
        return nil
    }

    static func confidence(of symbol: DecodedSymbol, in image: GreyImage, rivals: [String]) -> ReadConfidence {
        confidence(of: symbol, secondReading: symbol.symbology.isTwoDimensional ? nil : secondReading(of: symbol, in: image),
                   rivals: rivals)
    }

    /// What zxing-cpp reads around a linear symbol: nil when it cannot confirm that symbology or
    /// failed. The crop is turned so that the bars stand upright, and zxing-cpp tries harder,
    /// turned and smaller too: that confirmed 128 instead of 108 codes on 400 hunt photos, for
    /// no measurable CPU. (It inverts matrix codes only, so inverting is not asked of it here.)
    /// Nil too for a read of the `second-decoder` pass: zxing-cpp found it, and cannot confirm itself.
    static func secondReading(of symbol: DecodedSymbol, in image: GreyImage) -> [RawSymbol]? {
        guard symbol.pass != .secondDecoder, let formats = refereeFormats(for: symbol.symbology),
              let crop = codeArea(of: symbol, in: image) else { return nil }
        func agrees(_ raw: RawSymbol) -> Bool {
            raw.symbology.map { sameCode(SymbolMerger.text(of: raw, symbology: $0).0, symbol.text, symbology: symbol.symbology) } == true
        }
        // A plain look first: on a clear code it agrees at once, for a fraction of the effort.
        if let plain = ZXingReader.read(crop, formats: formats, effort: []), plain.contains(where: agrees) {
            return plain
        }
        let read = ZXingReader.read(crop, formats: formats, effort: [.tryHarder, .tryRotate, .tryDownscale])
        // Nothing at all there: a wider look (``wideArea(of:in:)``), where only a reading of
        // the same code counts; another code beside it is no evidence about this one.
        guard (read ?? []).isEmpty, let wide = wideArea(of: symbol, in: image),
              let agreeing = ZXingReader.read(wide, formats: formats, effort: [.tryHarder, .tryRotate, .tryDownscale])?.filter(agrees),
              !agreeing.isEmpty else { return read }
        return agreeing
    }

    static func confidence(of symbol: DecodedSymbol, secondReading second: [RawSymbol]?, rivals: [String]) -> ReadConfidence {
        if symbol.symbology.isTwoDimensional { return .errorCorrected }
        let fromModel = symbol.pass.isBlurModel
        var others = rivals.filter { $0 != symbol.text }
        if let second {
            let texts = second.compactMap { raw -> String? in
                guard let symbology = raw.symbology else { return nil }
                let text = SymbolMerger.text(of: raw, symbology: symbology).0
                return isNumberSystem1UPCE(symbology, text) ? nil : text
            }
            if texts.contains(where: { sameCode($0, symbol.text, symbology: symbol.symbology) }) {
                return others.isEmpty ? ReadConfidence(level: .confirmed, reason: .twoDecoders)
                                      : ReadConfidence(level: .conflicting, reason: .otherReading, alternatives: others)
            }
            // Only product codes are compared digit for digit; other symbologies' texts may differ
            // in how the decoders write separators.
            if symbol.symbology.isRetailLinear {
                for text in texts where !others.contains(text) { others.insert(text, at: 0) }
            }
        }
        if !others.isEmpty { return ReadConfidence(level: .conflicting, reason: .otherReading, alternatives: others) }
        if fromModel { return ReadConfidence(level: .unconfirmed, reason: .blurModel) }
        return ReadConfidence(level: isSingleLine(symbol) ? .singleRead : .unconfirmed, reason: .oneDecoder)
    }

    /// True when one scan line read the symbol, or all its lines lie within two pixels of each
    /// other in the photo: one line of the photo, which an enlarged copy repeats and blends.
    static func isSingleLine(_ symbol: DecodedSymbol) -> Bool {
        if symbol.quality <= 1 { return true }
        guard let b = symbol.bounds else { return false }
        return min(b.maxX - b.minX, b.maxY - b.minY) <= 2
    }

    /// The zxing-cpp formats that can confirm a symbol of this symbology (nil: none can).
    static func refereeFormats(for symbology: Symbology) -> ZXingReader.Formats? {
        switch symbology {
        case .ean13, .ean8, .upcA, .upcE, .isbn13: .products
        case .code128, .gs1_128: .code128
        case .dataBar: .dataBar
        case .dataBarExpanded: .dataBarExpanded
        case .code39: .code39
        case .code93: .code93
        case .interleaved2of5: .itf
        case .codabar: .codabar
        default: nil
        }
    }

    /// True when two texts are one code: EAN/UPC compare in their 13-digit form (zxing-cpp may
    /// report a UPC-A as an EAN-13 with a leading zero; a UPC-E may come as the GTIN it stands
    /// for, though zxing-cpp's are put in 8 digits, see ``compressedUPCE(_:)``).
    static func sameCode(_ a: String, _ b: String, symbology: Symbology) -> Bool {
        guard symbology.isRetailLinear else { return a == b }
        func padded(_ s: String) -> String {
            let digits = s.utf8.count == 8 && symbology == .upcE ? expandedUPCE(s) ?? s : s
            return String(repeating: "0", count: max(0, 13 - digits.utf8.count)) + digits
        }
        return padded(a) == padded(b)
    }

    /// The UPC-A (12 digits) an 8-digit UPC-E stands for, or nil when it is not 8 digits.
    /// (`GS1.UPCE` does the same for typed codes; scanning sits before GS1 in the data flow.)
    static func expandedUPCE(_ upce: String) -> String? {
        let digits = upce.utf8.map { $0 &- UInt8(ascii: "0") }
        guard digits.count == 8, digits.allSatisfy({ $0 < 10 }) else { return nil }
        return String(decoding: ProductCodeFit.upcA(of: digits).map { $0 + UInt8(ascii: "0") }, as: UTF8.self)
    }

    /// An outline shorter than this (pixels) holds one end of a linear code, not the code.
    static let oneEndSpan = 64
    /// How far a code read at one end may reach from it (pixels): an EAN-13 of 1.7-pixel modules.
    static let oneEndReach = 160

    /// The 8-digit UPC-E that stands for a UPC-A (12 digits, or 13 with a leading zero), as zbar
    /// reports it; nil when no UPC-E stands for it. zxing-cpp reports a UPC-E as that GTIN.
    ///
    /// ```swift
    /// BarcodeScanner.compressedUPCE("0086459000099")   // "08645999"
    /// ```
    static func compressedUPCE(_ gtin: String) -> String? {
        var a = Array(gtin.utf8)
        if a.count == 13, a[0] == UInt8(ascii: "0") { a.removeFirst() }
        guard a.count == 12, a.allSatisfy({ (0x30...0x39).contains($0) }), a[0] <= UInt8(ascii: "1") else { return nil }
        // The four ways a UPC-E can stand for a UPC-A (by its sixth digit); the one that does.
        let ways: [[UInt8]] = [[a[1], a[2], a[8], a[9], a[10], a[3]], [a[1], a[2], a[3], a[9], a[10], UInt8(ascii: "3")],
                               [a[1], a[2], a[3], a[4], a[10], UInt8(ascii: "4")], [a[1], a[2], a[3], a[4], a[5], a[10]]]
        let upcA = String(decoding: a, as: UTF8.self)
        return ways.lazy.map { String(decoding: [a[0]] + $0 + [a[11]], as: UTF8.self) }.first { expandedUPCE($0) == upcA }
    }

    /// The part of `image` around a symbol's outline, widened on every side by 30 % of the
    /// code's length (a linear code's outline spans only the scan lines that read it), 60 % for
    /// EAN-8 and UPC-E (which zbar can find inside a longer code), and transposed when columns
    /// read it (the outline's points then share few rows: each line gives its two ends). A
    /// linear code whose outline is under ``oneEndSpan`` pixels was read at one end only (one
    /// line gives one point): the area reaches ``oneEndReach`` pixels around it.
    static func codeArea(of symbol: DecodedSymbol, in image: GreyImage) -> GreyImage? {
        let area = self.area(around: symbol, in: image) { length in
            let pad = max(16, length * (SymbolMerger.isShortProductCode(symbol) ? 6 : 3) / 10)
            return !symbol.symbology.isTwoDimensional && length < oneEndSpan ? max(pad, oneEndReach) : pad
        }
        guard let crop = area else { return nil }
        let readAlongColumns = Set(symbol.polygon.map(\.x)).count > Set(symbol.polygon.map(\.y)).count
        return readAlongColumns ? crop.transposed() : crop
    }

    /// The symbol's outline and one and a half times its length around it, as the photo shows
    /// it (zxing-cpp turns it as it needs). On a blurred or low-contrast code zxing-cpp often
    /// reads nothing in the tight ``codeArea(of:in:)`` and the code in more of the photo: in
    /// the misread hunts 40–52 more photos of 1 600 were confirmed so, none of them wrongly.
    static func wideArea(of symbol: DecodedSymbol, in image: GreyImage) -> GreyImage? {
        area(around: symbol, in: image) { length in length * 3 / 2 }
    }

    /// The part of `image` around a symbol's outline, widened on every side by `pad(length)`
    /// pixels (the length: the outline's longer side) and cut to the image; nil when nothing of
    /// it lies in the image.
    private static func area(around symbol: DecodedSymbol, in image: GreyImage, pad: (Int) -> Int) -> GreyImage? {
        guard let b = symbol.bounds else { return nil }
        let margin = pad(max(b.maxX - b.minX, b.maxY - b.minY))
        let crop = image.cropped(x: b.minX - margin, y: b.minY - margin, width: b.maxX - b.minX + 2 * margin,
                                 height: b.maxY - b.minY + 2 * margin)
        return crop.width > 0 && crop.height > 0 ? crop : nil
    }
}
