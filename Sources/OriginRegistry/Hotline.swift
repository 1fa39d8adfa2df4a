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

    /// Reads hotlines from CSV bytes with the seed's columns.
    public static func parse(_ bytes: [UInt8], name: String) throws(RegistryError) -> [Hotline] {
        let table = try CSVTable(bytes: bytes, name: name)
        let required = ["agency", "number_or_channel", "scope", "as_of", "source"]
        let index = Dictionary(table.header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let missing = required.filter { index[$0] == nil }
        guard missing.isEmpty else {
            throw RegistryError(.wrongColumns, "\(name) has no column for \(missing.joined(separator: ", ")).", path: name)
        }
        var lines: [Hotline] = []
        var problems: [RegistryError.RowProblem] = []
        for row in table.rows {
            func cell(_ column: String) -> String? {
                guard let i = index[column], i < row.fields.count else { return nil }
                let value = row.fields[i].trimmingWhitespace()
                return value.isEmpty ? nil : value
            }
            let missingCells = required.filter { cell($0) == nil }
            guard missingCells.isEmpty else {
                problems.append(.init(line: row.line, reason: "no \(missingCells.joined(separator: ", ")): a hotline needs a number or channel, its scope, a date and a source"))
                continue
            }
            lines.append(Hotline(agency: cell("agency")!, parentBody: cell("parent_body"), numberOrChannel: cell("number_or_channel")!,
                                 channelType: cell("channel_type"), takes: cell("takes"), scope: cell("scope")!, asOf: cell("as_of")!,
                                 statusNote: cell("status_note"), source: cell("source")!, retrieved: cell("retrieved")))
        }
        guard problems.isEmpty else {
            throw RegistryError(.invalidRows, "\(name): \(problems.count) of \(table.rows.count) rows are invalid.", path: name, problems: problems)
        }
        return lines.filter(\.isNational) + lines.filter { !$0.isNational }
    }
}
