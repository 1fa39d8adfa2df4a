/// A line or channel that takes reports of counterfeit, smuggled or unsafe goods and consumer
/// complaints, with how current it is. Numbers are as printed at their source's date: market
/// surveillance reorganised on 1 March 2025, so an older number is shown with its date.
///
/// ```swift
/// let lines = try Hotline.seed()
/// lines.first { $0.scope == "national" }?.numberOrChannel   // "1800 6838"
/// ```
public struct Hotline: Sendable, Hashable {
    public let agency: String
    public let parentBody: String?
    /// The number(s) or channel (an app, a web form), as printed.
    public let numberOrChannel: String
    public let channelType: String?
    /// What it takes reports about.
    public let takes: String?
    /// "national", or the province or city.
    public let scope: String
    /// When the number was last seen in use at its source ("2024", "2018 (Tết)").
    public let asOf: String
    /// How current it is, and what changed since (reorganisations, renamings).
    public let statusNote: String?
    /// The addresses, separated by " ; ".
    public let source: String
    /// When the row was researched (YYYY-MM-DD).
    public let retrieved: String?

    /// The national lines first, in the seed's order, then the others.
    public var isNational: Bool { scope.lowercased() == "national" }

    /// Every hotline of the bundled seed (`Resources/registry/hotlines.csv`, from the shared
    /// research data). A row without a number or channel, a source or a date is refused with its
    /// line and reason: the whole seed fails, as an import would.
    public static func seed() throws(RegistryError) -> [Hotline] {
        try bundled.get()
    }

    /// The seed, parsed once (the server answers `GET /v1/hotlines` from it).
    private static let bundled = Result { () throws(RegistryError) in try parse(Array(SeedData.hotlines.utf8), name: "hotlines.csv") }

    /// Reads hotlines from CSV bytes with the seed's columns, checked as an import of kind
    /// `hotlines` is (``RowValidator``): any bad row refuses the whole file, with lines and reasons.
    public static func parse(_ bytes: [UInt8], name: String) throws(RegistryError) -> [Hotline] {
        let plan = try ImportPlan(bytes: bytes, fileName: name, kind: .hotlines, defaultSource: nil, today: .today())
        guard plan.problems.isEmpty else {
            throw RegistryError(.invalidRows, "\(name): \(plan.problems.count) of \(plan.rowCount) rows are invalid.", path: name,
                                problems: plan.problems)
        }
        let lines = plan.items.compactMap { item -> Hotline? in
            guard case .hotline(let record) = item.entry else { return nil }
            return record.hotline(source: RegistrySource(address: item.source))
        }
        return lines.filter(\.isNational) + lines.filter { !$0.isNational }
    }
}
