/// Finds owned brands (``BrandOwnershipRecord``) named in free text: product names, a company's
/// brand list, an inventory's item names. Built once per snapshot; a lookup folds the text
/// (case, diacritics and apostrophes ignored) and tries each run of whole words, longest first,
/// in one hash table: no scan over the brands.
///
/// ```swift
/// let index = BrandNameIndex(owners: [(kinhDo, source)])   // Kinh Đô; Cosy; Solite; AFC
/// index.matches(in: "2 AFC 200g (kèm 1 Cosy Marie 64g)").map(\.alias)   // ["AFC"]: each owner once
/// index.matches(in: "Cosyland")                                        // []: whole words only
/// ```
public struct BrandNameIndex: Sendable {
    /// One name of one owner, folded.
    struct Name: Sendable {
        let folded: [UInt8]
        let alias: String
        let owner: Int
        /// Position in the index's list of names (see ``nameCount``).
        let id: Int
    }

    /// A brand found in a text.
    public struct Match: Sendable, Hashable {
        /// Index into ``owners``.
        public let owner: Int
        /// The owner's name as written in the registry ("Chin-su"), for the one the text carries.
        public let alias: String
        /// Which of the index's names matched, from 0 to ``nameCount`` - 1.
        public let name: Int
    }

    public let owners: [(record: BrandOwnershipRecord, source: RegistrySource)]
    private let names: [UInt64: [Name]]
    /// The most words in any name.
    private let maxWords: Int
    /// Every owner's names, in index order: `(owner, alias)` for ``Match/name``.
    public let allNames: [(owner: Int, alias: String)]
    public var nameCount: Int { allNames.count }

    public static let empty = BrandNameIndex(owners: [])

    public init(owners: [(record: BrandOwnershipRecord, source: RegistrySource)]) {
        self.owners = owners
        var names: [UInt64: [Name]] = [:]
        var maxWords = 0
        var allNames: [(owner: Int, alias: String)] = []
        for (index, owner) in owners.enumerated() {
            for alias in owner.record.allNames {
                let folded = Array(BrandOwnershipRecord.foldName(alias).utf8)
                guard !folded.isEmpty else { continue }
                let hash = Self.hash(folded[...])
                if names[hash]?.contains(where: { $0.folded == folded }) == true { continue }
                names[hash, default: []].append(Name(folded: folded, alias: alias, owner: index, id: allNames.count))
                allNames.append((index, alias))
                maxWords = max(maxWords, folded.reduce(1) { $0 + ($1 == 0x20 ? 1 : 0) })
            }
        }
        self.names = names
        self.maxWords = maxWords
        self.allNames = allNames
    }

    public var isEmpty: Bool { owners.isEmpty }

    /// The owners named in `text`, each once, in the order they appear. At each word the longest
    /// name wins ("Tường An Gold" over "Tường An"), and matching resumes after it.
    public func matches(in text: String) -> [Match] {
        guard !names.isEmpty else { return [] }
        let folded = Array(BrandOwnershipRecord.foldName(text).utf8)
        guard !folded.isEmpty else { return [] }
        // Word starts and ends: TextFolding leaves single spaces between words.
        var starts: [Int] = [0], ends: [Int] = []
        for (i, byte) in folded.enumerated() where byte == 0x20 {
            ends.append(i)
            starts.append(i + 1)
        }
        ends.append(folded.count)
        var found: [Match] = []
        var word = 0
        while word < starts.count {
            let longest = min(maxWords, starts.count - word)
            var matched = 0
            for count in stride(from: longest, through: 1, by: -1) {
                let range = folded[starts[word]..<ends[word + count - 1]]
                guard let candidates = names[Self.hash(range)],
                      let name = candidates.first(where: { $0.folded.elementsEqual(range) }) else { continue }
                if !found.contains(where: { $0.owner == name.owner }) { found.append(Match(owner: name.owner, alias: name.alias, name: name.id)) }
                matched = count
                break
            }
            word += max(matched, 1)
        }
        return found
    }

    /// FNV-1a, 64 bits.
    @inline(__always)
    static func hash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash
    }
}
