/// Viet Nam's ISBN registration groups, 978-604 and 978-632, and the hyphenation of
/// their ISBNs by the ISBN International registrant ranges (Resources/vn_isbn.csv).
///
/// ```swift
/// let isbn = VietnameseISBN.analyse(try GTIN.parse("9786045823453"))
/// isbn?.group            // "604"
/// isbn?.hyphenated       // "978-604-58-2345-3"
/// ```
public enum VietnameseISBN {
    /// A registrant (publisher) element range inside a group.
    public struct RegistrantRange: Sendable, Hashable {
        public let group: String
        public let start: String
        public let end: String
        public let source: String
    }

    /// A publisher prefix named by a source (the note says how strong the source is).
    public struct KnownPublisher: Sendable, Hashable {
        public let group: String
        public let registrant: String
        public let name: String
        public let note: String
        public let source: String
    }

    /// What HangViet knows of a Vietnamese ISBN.
    public struct Analysis: Sendable, Hashable {
        /// "604" or "632".
        public let group: String
        /// The registrant (publisher) element, when it falls in a published range.
        public let registrant: String?
        /// "978-604-58-2345-3", or the unhyphenated digits when the registrant range is unknown.
        public let hyphenated: String
        /// The range that matched, with its source.
        public let range: RegistrantRange?
        /// A publisher named for this registrant by some source.
        public let publisher: KnownPublisher?
    }

    /// The groups this table covers.
    public static let groups = ["604", "632"]

    /// Analyses an ISBN-13 in Viet Nam's groups; nil for any other number.
    public static func analyse(_ gtin: GTIN) -> Analysis? {
        guard gtin.format == .isbn13 || gtin.format == .isbn10 else { return nil }
        // Numbers first: most books are not Vietnamese, and strings are only built for those that are.
        let thirteen = gtin.value % 10_000_000_000_000
        let six = thirteen / 10_000_000
        guard six == 978_604 || six == 978_632 else { return nil }
        let group = six == 978_604 ? "604" : "632"
        let rest = Int(thirteen % 10_000_000)  // registrant + publication + check: 7 digits
        for (index, range) in numericRanges.enumerated() where range.group == group {
            let candidate = rest / range.divisor
            if candidate >= range.low && candidate <= range.high {
                let registrant = GTIN.render(UInt64(candidate), width: range.width)
                let publication = GTIN.render(UInt64(rest % range.divisor / 10), width: 6 - range.width)
                let hyphenated = "978-\(group)-\(registrant)-\(publication)-\(rest % 10)"
                let publisher = knownPublishers.first { $0.group == group && $0.registrant == registrant }
                return Analysis(group: group, registrant: registrant, hyphenated: hyphenated, range: registrantRanges[index],
                                publisher: publisher)
            }
        }
        return Analysis(group: group, registrant: nil, hyphenated: gtin.digits, range: nil, publisher: nil)
    }

    /// ``registrantRanges`` as numbers: registrant width, bounds, and the divisor that leaves the
    /// registrant of the 7 digits after the group.
    private static let numericRanges: [(group: String, width: Int, low: Int, high: Int, divisor: Int)] = registrantRanges.map {
        var divisor = 1
        for _ in 0..<(7 - $0.start.count) { divisor *= 10 }
        return ($0.group, $0.start.count, Int($0.start)!, Int($0.end)!, divisor)
    }
}
