import GS1
import OriginRegistry

/// The figures a batch check reports: counts per outcome and the share of Vietnamese goods by
/// SKU (row), and by quantity and by value when those columns are given. Constant memory: the
/// lists of invalid rows keep the first ``listLimit`` entries and count the rest.
///
/// ```swift
/// var summary = InventorySummary()
/// summary.add(verdict, line: 2, quantity: 10, value: 125_000)
/// summary.share(.confirmed, by: .sku)   // 0…1
/// ```
public struct InventorySummary: Sendable {
    /// What a share is weighted by.
    public enum Weight: String, Sendable, CaseIterable {
        case sku, quantity, value
    }

    /// A row that could not be checked.
    public struct InvalidRow: Sendable, Hashable {
        public let line: Int
        public let input: String
        public let reason: String
    }

    /// A quantity or price cell that is not a number.
    public struct BadNumber: Sendable, Hashable {
        public let line: Int
        public let column: String
        public let text: String
    }

    /// An 893 row whose brand a foreign group controls, with who (the owner fact's group, or the company).
    public struct ForeignGroupRow: Sendable, Hashable {
        public let line: Int
        public let input: String
        public let owner: String
    }

    public static let listLimit = 1000

    public internal(set) var rows = 0
    // Counters indexed by the enums' case order (arrays: no hashing per row).
    var outcomeCounts = [Int](repeating: 0, count: Outcome.allCases.count)
    var categoryRows = [Int](repeating: 0, count: ShareCategory.allCases.count)
    var categoryQuantity = [Double](repeating: 0, count: ShareCategory.allCases.count)
    var categoryValue = [Double](repeating: 0, count: ShareCategory.allCases.count)
    /// Foreign registrants by prefix range (counted by identity, named at the end).
    var issuerCounts: [ObjectIdentifier: (name: String, rows: Int)] = [:]
    var declaredCountries: [String: Int] = [:]

    /// Rows per outcome.
    public var outcomes: [Outcome: Int] {
        var result: [Outcome: Int] = [:]
        for (index, outcome) in Outcome.allCases.enumerated() where outcomeCounts[index] > 0 { result[outcome] = outcomeCounts[index] }
        return result
    }
    public var rowsByCategory: [ShareCategory: Int] {
        Dictionary(uniqueKeysWithValues: ShareCategory.allCases.enumerated().map { ($0.element, categoryRows[$0.offset]) })
    }
    /// Foreign registrants by issuing GS1 organisation, and declared foreign origins by country.
    public var foreignIssuers: [String: Int] {
        var result = declaredCountries
        for (name, rows) in issuerCounts.values { result[name, default: 0] += rows }
        return result
    }
    public internal(set) var invalidRows: [InvalidRow] = []
    public internal(set) var invalidCount = 0
    public internal(set) var foreignGroupRows: [ForeignGroupRow] = []
    public internal(set) var badNumbers: [BadNumber] = []
    public internal(set) var badNumberCount = 0
    /// True when quantities / values were given for the rows.
    public var hasQuantity = false
    public var hasValue = false

    public init() {}

    /// Counts one row. `quantity` and `value` are nil when not given (or not numbers).
    public mutating func add(_ verdict: Verdict, category: ShareCategory, line: Int, quantity: Double?, value: Double?,
                             invalidReason: @autoclosure () -> String) {
        rows += 1
        outcomeCounts[verdict.outcome.ordinal] += 1
        let slot = category.ordinal
        categoryRows[slot] += 1
        if let quantity { categoryQuantity[slot] += quantity }
        if let value { categoryValue[slot] += value }
        if category == .registrantForeignGroup && foreignGroupRows.count < Self.listLimit {
            foreignGroupRows.append(ForeignGroupRow(line: line, input: verdict.input, owner: Self.foreignOwner(of: verdict)))
        }
        switch verdict.outcome {
        case .invalid:
            invalidCount += 1
            if invalidRows.count < Self.listLimit {
                invalidRows.append(InvalidRow(line: line, input: verdict.input, reason: invalidReason()))
            }
        case .foreignRegistrant:
            if let range = verdict.prefix {
                let key = ObjectIdentifier(range)
                if let known = issuerCounts[key] { issuerCounts[key] = (known.name, known.rows + 1) }
                else { issuerCounts[key] = (range.name, 1) }
            }
        case .declaredForeignOrigin:
            if let origin = verdict.countryOfOrigin {
                declaredCountries["AI 422: " + (origin.country?.name ?? String(origin.code)), default: 0] += 1
            }
        default:
            break
        }
    }

    /// Who controls a foreign group's brand: the brand owner's group, else the company.
    static func foreignOwner(of verdict: Verdict) -> String {
        for fact in verdict.registryFacts where fact.ownership == .foreignGroup {
            if fact.kind == .brandOwnership { return fact[attribute: "group"].map { "\(fact.name): \($0)" } ?? fact.name }
            if fact.kind == .brand { return fact.name }
        }
        return ""
    }

    /// Records a quantity or price cell that is not a number.
    public mutating func addBadNumber(line: Int, column: String, text: String) {
        badNumberCount += 1
        if badNumbers.count < Self.listLimit { badNumbers.append(BadNumber(line: line, column: column, text: text)) }
    }

    /// The total counted for a weight (rows that say something about origin).
    public func countedTotal(by weight: Weight) -> Double {
        ShareCategory.allCases.filter { $0 != .notCounted }.reduce(0) { $0 + amount($1, by: weight) }
    }

    public func amount(_ category: ShareCategory, by weight: Weight) -> Double {
        switch weight {
        case .sku: return Double(categoryRows[category.ordinal])
        case .quantity: return categoryQuantity[category.ordinal]
        case .value: return categoryValue[category.ordinal]
        }
    }

    /// A category's share of the counted rows (0…1), or nil when nothing was counted.
    public func share(_ category: ShareCategory, by weight: Weight) -> Double? {
        let total = countedTotal(by: weight)
        guard total > 0, category != .notCounted else { return nil }
        return amount(category, by: weight) / total
    }

    /// The weights that apply to this run.
    public var weights: [Weight] {
        [.sku] + (hasQuantity ? [.quantity] : []) + (hasValue ? [.value] : [])
    }

    /// Foreign issuers, most frequent first.
    public func topForeignIssuers(_ count: Int = 10) -> [(name: String, rows: Int)] {
        foreignIssuers.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(count).map { ($0.key, $0.value) }
    }
}

extension Outcome {
    /// The case's position in `allCases`.
    var ordinal: Int {
        switch self {
        case .declaredVietnameseOrigin: return 0
        case .declaredForeignOrigin: return 1
        case .vietnameseRegistrant: return 2
        case .foreignRegistrant: return 3
        case .vietnameseBook: return 4
        case .foreignBook: return 5
        case .notApplicable: return 6
        case .invalid: return 7
        case .unknown: return 8
        }
    }
}

extension ShareCategory {
    /// The case's position in `allCases`.
    var ordinal: Int {
        switch self {
        case .confirmed: return 0
        case .registrantOnly: return 1
        case .registrantForeignGroup: return 2
        case .other: return 3
        case .notCounted: return 4
        }
    }
}
