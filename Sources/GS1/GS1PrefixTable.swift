/// What a GS1 prefix range is used for.
public enum GS1PrefixKind: String, Sendable, Hashable, Codable {
    /// Issued by a national GS1 Member Organisation (e.g. 893 = GS1 Vietnam).
    case memberOrganisation = "member-organisation"
    /// Restricted circulation: in-store, variable-weight or company-internal numbers.
    case restrictedCirculation = "restricted-circulation"
    /// 0000001–0000099: left unused so that GTIN-8s padded to 13 digits cannot collide.
    case gtin8Padding = "gtin8-padding"
    /// Not (yet) allocated to any Member Organisation.
    case unassigned
    /// GS1 Global Office.
    case globalOffice = "global-office"
    /// EPC General Manager Numbers (951).
    case generalManagerNumber = "general-manager-number"
    /// Demonstrations and examples (952); never on real goods.
    case demonstration
    /// Prefixes used only to allocate GTIN-8s (960–969).
    case gtin8Allocation = "gtin8-allocation"
    /// Serial publications (977).
    case issn
    /// Books and sheet music (978–979).
    case bookland
    /// Refund receipts (980).
    case refundReceipt = "refund-receipt"
    /// Coupons (981–984, 99).
    case coupon
}

/// One row of the GS1 prefix table: a range of prefixes of one length and what it means.
/// A class so that verdicts share one immutable row instead of copying its strings.
public final class GS1PrefixRange: Sendable, Hashable {
    public static func == (lhs: GS1PrefixRange, rhs: GS1PrefixRange) -> Bool {
        lhs === rhs || (lhs.start == rhs.start && lhs.end == rhs.end && lhs.length == rhs.length && lhs.name == rhs.name)
    }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(start)
        hasher.combine(end)
        hasher.combine(length)
    }

    public let start: Int
    public let end: Int
    /// Number of digits of `start`/`end` (2, 3, 4, 5 or 7).
    public let length: Int
    public let kind: GS1PrefixKind
    /// Member Organisation or special use, as GS1 names it ("GS1 Vietnam").
    public let name: String
    /// True for numbers GS1 Global Office issues itself (tied to no country).
    public let isGlobalOffice: Bool
    /// ISO 3166-1 alpha-2 code(s) of the Member Organisation, ";"-separated ("BE;LU").
    public let isoCountryCodes: String?
    /// A caveat from the data's curators.
    public let note: String?
    /// Where sources disagree about this range: the other reading.
    public let disputedReading: String?
    let sourceIndex: Int
    let explicitSource: String?

    init(start: Int, end: Int, length: Int, kind: GS1PrefixKind, name: String, isoCountryCodes: String?,
         note: String?, disputedReading: String?, sourceIndex: Int, explicitSource: String? = nil) {
        self.start = start
        self.end = end
        self.length = length
        self.kind = kind
        self.name = name
        self.isGlobalOffice = name.contains("Global Office")
        self.isoCountryCodes = isoCountryCodes
        self.note = note
        self.disputedReading = disputedReading
        self.sourceIndex = sourceIndex
        self.explicitSource = explicitSource
    }

    /// Where this row's facts come from.
    public var source: String { explicitSource ?? GS1PrefixTable.sources[sourceIndex] }
    /// The range as printed in GS1's table ("893", "020–029").
    public var rangeText: String {
        let a = String(start).leftPadded(to: length), b = String(end).leftPadded(to: length)
        return start == end ? a : "\(a)–\(b)"
    }
    /// The first ISO country code, if any.
    public var primaryCountryCode: String? {
        isoCountryCodes.map { String($0.split(separator: ";").first ?? "") }
    }
}

/// The GS1 prefix table (Resources/gs1_prefixes.csv, compiled in): which Member
/// Organisation issued a number, or what special use its range has. Longest match wins.
///
/// ```swift
/// let gtin = try GTIN.parse("8934563138165")
/// GS1PrefixTable.lookup(gtin)?.name   // "GS1 Vietnam"
/// GS1PrefixTable.lookup(try GTIN.parse("2001234567893"))?.kind // .restrictedCirculation
/// ```
public enum GS1PrefixTable {
    /// For each 3-digit prefix, the candidate ranges (indices into `entries`), longest
    /// prefix length first, flattened: bucket `p` is `items[offsets[p]..<offsets[p + 1]]`.
    private static let buckets: (offsets: [Int32], items: [Int16]) = {
        var lists = [[Int]](repeating: [], count: 1000)
        for (i, entry) in entries.enumerated() {
            let (lo, hi): (Int, Int)
            if entry.length >= 3 {
                lo = entry.start / pow10(entry.length - 3)
                hi = entry.end / pow10(entry.length - 3)
            } else {
                let up = pow10(3 - entry.length)
                lo = entry.start * up
                hi = entry.end * up + up - 1
            }
            for p in lo...hi { lists[p].append(i) }
        }
        var offsets: [Int32] = [0]
        var items: [Int16] = []
        for p in 0..<1000 {
            items += lists[p].sorted { entries[$0].length > entries[$1].length }.map { Int16($0) }
            offsets.append(Int32(items.count))
        }
        return (offsets, items)
    }()

    private static func pow10(_ n: Int) -> Int {
        var r = 1
        for _ in 0..<max(n, 0) { r *= 10 }
        return r
    }

    /// The range that covers a GTIN-13-form number's leading digits, longest match first.
    /// `leading7` is the number formed by the first seven digits of the 13-digit form.
    public static func lookup(leading7: Int) -> GS1PrefixRange? {
        let (offsets, items) = buckets
        let p = leading7 / 10_000
        for slot in Int(offsets[p])..<Int(offsets[p + 1]) {
            let i = Int(items[slot])
            let (start, end, length) = bounds[i]
            let prefix = length == 3 ? p : leading7 / divisors[7 - length]
            if prefix >= start && prefix <= end { return entries[i] }
        }
        return nil
    }

    /// (start, end, length) of each entry, without touching the entry objects.
    private static let bounds: [(Int, Int, Int)] = entries.map { ($0.start, $0.end, $0.length) }

    private static let divisors: [Int] = (0...7).map { pow10($0) }

    /// The range covering a GTIN. GTIN-14s are read from their 13-digit part (after the
    /// indicator). GTIN-8s use ``lookupGTIN8(_:)`` rules.
    public static func lookup(_ gtin: GTIN) -> GS1PrefixRange? {
        if gtin.isGTIN8 { return lookupGTIN8(gtin) }
        return lookup(leading7: gtin.leadingDigits13(7))
    }

    /// GTIN-8 rules: the number's own first three digits are its GS1-8 prefix; 0 and 2
    /// start restricted-circulation numbers (RCN-8); the 4-, 5- and 7-digit subranges of
    /// the GTIN-13 table do not apply.
    public static func lookupGTIN8(_ gtin: GTIN) -> GS1PrefixRange? {
        let eight = Int(gtin.value % 100_000_000)
        let first = eight / 10_000_000
        if first == 0 || first == 2 { return gtin8Restricted }
        let prefix3 = eight / 100_000
        let prefix4 = eight / 10_000
        let (offsets, items) = buckets
        for slot in Int(offsets[prefix3])..<Int(offsets[prefix3 + 1]) {
            let i = Int(items[slot])
            let entry = entries[i]
            if entry.length == 4, prefix4 >= entry.start, prefix4 <= entry.end { return entry }
            if entry.length == 3, prefix3 >= entry.start, prefix3 <= entry.end { return entry }
            if entry.length == 2, prefix3 / 10 >= entry.start, prefix3 / 10 <= entry.end { return entry }
        }
        return nil
    }

    /// The GTIN-8 restricted-circulation range (GS1-8 prefixes 0 and 2).
    public static let gtin8Restricted = GS1PrefixRange(
        start: 0, end: 2, length: 1, kind: .restrictedCirculation,
        name: "GTIN-8 restricted circulation (RCN-8, prefixes 0 and 2)", isoCountryCodes: nil,
        note: "GS1 General Specifications: GS1-8 prefixes 0 and 2 are restricted circulation numbers",
        disputedReading: nil, sourceIndex: 0,
        explicitSource: "GS1 General Specifications (restricted circulation numbers: GS1-8 prefixes 0 and 2 are RCN-8) https://www.gs1.org/standards/barcodes-epcrfid-id-keys/gs1-general-specifications")
}
