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
        let digits = gtin.digits
        guard digits.hasPrefix("978") else { return nil }
        let group = String(digits.dropFirst(3).prefix(3))
        guard groups.contains(group) else { return nil }
        let rest = Array(digits.dropFirst(6))  // registrant + publication + check: 7 characters
        for range in registrantRanges where range.group == group {
            let width = range.start.count
            let candidate = String(rest.prefix(width))
            if candidate >= range.start && candidate <= range.end {
                let publication = String(rest.dropFirst(width).dropLast())
                let hyphenated = "978-\(group)-\(candidate)-\(publication)-\(rest.last!)"
                let publisher = knownPublishers.first { $0.group == group && $0.registrant == candidate }
                return Analysis(group: group, registrant: candidate, hyphenated: hyphenated, range: range, publisher: publisher)
            }
        }
        return Analysis(group: group, registrant: nil, hyphenated: digits, range: nil, publisher: nil)
    }
}
