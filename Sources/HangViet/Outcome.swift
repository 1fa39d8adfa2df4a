/// What a verdict concludes about "is this Vietnamese goods?", never more than the evidence shows.
public enum Outcome: String, Sendable, Hashable, CaseIterable, Codable {
    /// GS1 AI 422 (country of origin) says 704, Viet Nam: the brand owner's declaration.
    case declaredVietnameseOrigin = "declared-vietnamese-origin"
    /// GS1 AI 422 names another country.
    case declaredForeignOrigin = "declared-foreign-origin"
    /// Prefix 893: the number was licensed through GS1 Vietnam. Not proof of manufacture in Viet Nam.
    case vietnameseRegistrant = "vietnamese-registrant"
    /// The number was issued by another country's GS1 organisation.
    case foreignRegistrant = "foreign-registrant"
    /// An ISBN in Viet Nam's groups 978-604 or 978-632.
    case vietnameseBook = "vietnamese-book"
    /// An ISBN outside Viet Nam's groups.
    case foreignBook = "foreign-book"
    /// Origin cannot be read from this kind of number (in-store, coupon, ISSN …).
    case notApplicable = "not-applicable"
    /// Malformed or a wrong check digit: possible misprint or forged label.
    case invalid
    /// Nothing can be said (unassigned prefix, a plain link or text …).
    case unknown

    /// True for outcomes where the input was a well-formed code (everything but `.invalid`).
    public var isWellFormed: Bool { self != .invalid }

    /// True when the evidence points at Viet Nam (declared origin, 893 registrant, Vietnamese ISBN).
    /// See ``Verdict/vietnameseShare`` for how the campaign's share is counted.
    public var pointsToVietnam: Bool {
        self == .declaredVietnameseOrigin || self == .vietnameseRegistrant || self == .vietnameseBook
    }
}
