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
    public struct LengthRule: Sendable, Hashable {
        public let prefix: String
        public let length: Int
        public let source: String
    }

    /// A company prefix found by the length rules: the number is kept, strings made on demand.
    public struct CompanyPrefix: Sendable, Hashable {
        /// The 13-digit form of the GTIN that was split.
        public let gtin13: UInt64
        /// Digits in the company prefix (7 to 12).
        public let length: Int
        /// The GCP-length table entry that gave the length.
        public let rule: LengthRule

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

    /// Rules sorted longest prefix first, so the first match is the longest match.
    private static let sortedRules: [(prefix: UInt64, divisor: UInt64, rule: LengthRule)] = lengthRules
        .sorted { $0.prefix.count > $1.prefix.count }
        .map { rule in
            var divisor: UInt64 = 1
            for _ in 0..<(13 - rule.prefix.count) { divisor *= 10 }
            return (UInt64(rule.prefix)!, divisor, rule)
        }

    /// Splits a GTIN whose 13-digit form starts with 893 (GTIN-14s by their 13-digit part).
    public static func split(_ gtin: GTIN) -> Split {
        guard !gtin.isGTIN8, gtin.leadingDigits13(3) == 893 else { return .notApplicable }
        let thirteen = gtin.value % 10_000_000_000_000
        for entry in sortedRules where thirteen / entry.divisor == entry.prefix {
            return .known(CompanyPrefix(gtin13: thirteen, length: entry.rule.length, rule: entry.rule))
        }
        let digits = GTIN.render(thirteen, width: 13)
        // Name the block at the depth the table distinguishes: 5 digits inside 8936/8938, else 4.
        let four = digits.prefix(4)
        let block = (four == "8936" || four == "8938" || four == "8932") ? String(digits.prefix(5)) : String(four)
        return .unknownLength(block: block)
    }
}
