/// Splitting an 893 GTIN-13 into its GS1 company prefix and item reference.
///
/// GS1 Vietnam's company prefixes are not all seven digits long: GS1's GCP-length table
/// (Resources/gs1_893_gcp_lengths.csv) gives 7 for 8934…, 8 for 8935…, 9, 10 or 12 for other
/// blocks. Blocks that the table does not list have no published length, and HangViet
/// says so rather than guessing.
///
/// ```swift
/// let gtin = try GTIN.parse("8934563138165")
/// VietnameseCompanyPrefix.split(gtin).companyPrefix   // "8934563" (block 8934 → 7 digits)
/// ```
public enum VietnameseCompanyPrefix {
    /// One GCP-length table entry: GTIN-13s starting with `prefix` have a `length`-digit company prefix.
    public final class LengthRule: Sendable, Hashable {
        public let prefix: String
        public let length: Int
        public let source: String

        init(prefix: String, length: Int, source: String) {
            self.prefix = prefix
            self.length = length
            self.source = source
        }

        public static func == (lhs: LengthRule, rhs: LengthRule) -> Bool { lhs.prefix == rhs.prefix && lhs.length == rhs.length }
        public func hash(into hasher: inout Hasher) { hasher.combine(prefix) }
    }

    /// A company prefix found by the length rules: the number is kept, strings made on demand.
    public struct CompanyPrefix: Sendable, Hashable {
        /// The 13-digit form of the GTIN that was split.
        public let gtin13: UInt64
        /// Digits in the company prefix (7 to 12).
        public let length: Int
        /// Which GCP-length table entry gave the length (kept as an index: no reference to count).
        let ruleIndex: Int
        /// The GCP-length table entry that gave the length.
        public var rule: LengthRule { VietnameseCompanyPrefix.lengthRules[ruleIndex] }

        /// The company prefix digits, e.g. "8934563".
        public var prefix: String { String(GTIN.render(gtin13, width: 13).prefix(length)) }
        /// The item reference digits between the company prefix and the check digit.
        public var itemReference: String { String(GTIN.render(gtin13, width: 13).dropFirst(length).dropLast()) }
    }

    /// The result of splitting an 893 number.
    public enum Split: Sendable, Hashable {
        /// The block has a published length: the company prefix and item reference.
        case known(CompanyPrefix)
        /// The block (first four or five digits) has no published company-prefix length.
        case unknownLength(block: String)
        /// Not an 893 GTIN-13 (GTIN-8s and other prefixes are not split).
        case notApplicable

        /// The company prefix digits, when known.
        public var companyPrefix: String? {
            if case .known(let prefix) = self { return prefix.prefix }
            return nil
        }
    }

    /// The rules as ranges of 13-digit numbers, longest prefix first: a GTIN-13 falls under
    /// the first rule whose range holds it, with no division on the way.
    private static let ruleRanges: [(low: UInt64, high: UInt64, length: Int, index: Int)] = lengthRules.enumerated()
        .sorted { $0.element.prefix.count > $1.element.prefix.count }
        .map { index, rule in
            var scale: UInt64 = 1
            for _ in 0..<(13 - rule.prefix.count) { scale *= 10 }
            let prefix = UInt64(rule.prefix)!
            return (prefix * scale, (prefix + 1) * scale - 1, rule.length, index)
        }

    /// Splits a GTIN whose 13-digit form starts with 893 (GTIN-14s by their 13-digit part).
    public static func split(_ gtin: GTIN) -> Split {
        guard !gtin.isGTIN8, gtin.leadingDigits13(3) == 893 else { return .notApplicable }
        let thirteen = gtin.value % 10_000_000_000_000
        for range in ruleRanges where thirteen >= range.low && thirteen <= range.high {
            return .known(CompanyPrefix(gtin13: thirteen, length: range.length, ruleIndex: range.index))
        }
        // Name the block at the depth the table distinguishes: 5 digits inside 8932/8936/8938, else 4.
        let four = thirteen / 1_000_000_000
        return .unknownLength(block: String(four == 8936 || four == 8938 || four == 8932 ? thirteen / 100_000_000 : four))
    }
}
