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

    /// Plain-number form of the rules, longest prefix first: (prefix digits, prefix value, rule index).
    private static let flatRules: [(digits: Int, prefix: UInt64, index: Int)] = lengthRules.enumerated()
        .map { ($0.element.prefix.count, UInt64($0.element.prefix)!, $0.offset) }
        .sorted { $0.digits > $1.digits }

    /// ``flatRules`` grouped by prefix length, longest first.
    private static let rulesByLength: [(digits: Int, rules: [(prefix: UInt64, index: Int)])] = {
        var groups: [(digits: Int, rules: [(prefix: UInt64, index: Int)])] = []
        for entry in flatRules {
            if let last = groups.indices.last, groups[last].digits == entry.digits {
                groups[last].rules.append((entry.prefix, entry.index))
            } else {
                groups.append((entry.digits, [(entry.prefix, entry.index)]))
            }
        }
        return groups
    }()

    @inline(__always)
    private static func leading(_ thirteen: UInt64, _ digits: Int) -> UInt64 {
        switch digits {
        case 4: return thirteen / 1_000_000_000
        case 5: return thirteen / 100_000_000
        case 6: return thirteen / 10_000_000
        case 7: return thirteen / 1_000_000
        case 8: return thirteen / 100_000
        default:
            var divisor: UInt64 = 1
            for _ in 0..<(13 - digits) { divisor &*= 10 }
            return thirteen / divisor
        }
    }

    /// Splits a GTIN whose 13-digit form starts with 893 (GTIN-14s by their 13-digit part).
    public static func split(_ gtin: GTIN) -> Split {
        guard !gtin.isGTIN8, gtin.leadingDigits13(3) == 893 else { return .notApplicable }
        let thirteen = gtin.value % 10_000_000_000_000
        // One division per prefix length (longest first), then a scan of that length's few prefixes.
        for group in rulesByLength {
            let leadingDigits = leading(thirteen, group.digits)
            for (prefix, index) in group.rules where prefix == leadingDigits {
                let rule = lengthRules[index]
                return .known(CompanyPrefix(gtin13: thirteen, length: rule.length, rule: rule))
            }
        }
        let digits = GTIN.render(thirteen, width: 13)
        // Name the block at the depth the table distinguishes: 5 digits inside 8936/8938, else 4.
        let four = digits.prefix(4)
        let block = (four == "8936" || four == "8938" || four == "8932") ? String(digits.prefix(5)) : String(four)
        return .unknownLength(block: block)
    }
}
