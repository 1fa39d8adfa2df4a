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
    /// The same names in an open-addressing table keyed by their FNV hash (a Swift dictionary
    /// would hash the hash again with SipHash on every probe): slot → index into `nameList`, or -1.
    private let slots: [Int32]
    private let slotHashes: [UInt64]
    private let nameList: [Name]
    /// The most words in any name.
    private let maxWords: Int
    /// A 4096-bit filter of the first words of all names (by their hash): most words of most
    /// item names start no brand name, and are passed over after one bit test.
    private let firstWords: [UInt64]
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
        var firstWords = [UInt64](repeating: 0, count: 64)
        for candidates in names.values {
            for name in candidates {
                let first = name.folded.firstIndex(of: 0x20) ?? name.folded.count
                let bit = Int(Self.hash(name.folded[..<first]) & 4095)
                firstWords[bit >> 6] |= 1 << UInt64(bit & 63)
            }
        }
        self.firstWords = firstWords
        var nameList: [Name] = []
        for candidates in names.values { nameList += candidates }
        var size = 16
        while size < nameList.count * 4 { size <<= 1 }
        var slots = [Int32](repeating: -1, count: size), slotHashes = [UInt64](repeating: 0, count: size)
        for (position, name) in nameList.enumerated() {
            let hash = Self.hash(name.folded)
            var slot = Int(hash & UInt64(size - 1))
            while slots[slot] >= 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(position)
            slotHashes[slot] = hash
        }
        self.slots = slots
        self.slotHashes = slotHashes
        self.nameList = nameList
        self.names = names
        self.maxWords = maxWords
        self.allNames = allNames
    }

    public var isEmpty: Bool { owners.isEmpty }

    /// The owners named in `text`, each once, in the order they appear. At each word the longest
    /// name wins ("Tường An Gold" over "Tường An"), and matching resumes after it.
    public func matches(in text: String) -> [Match] {
        guard !names.isEmpty else { return [] }
        var text = text
        return text.withUTF8 { matches(inUTF8: $0) }
    }

    /// ``matches(in:)`` over UTF-8 bytes (invalid sequences count as spaces): folded on the stack,
    /// with no allocation unless a brand is found. An inventory checks one name per row.
    public func matches(inUTF8 text: UnsafeBufferPointer<UInt8>) -> [Match] {
        guard !names.isEmpty, !text.isEmpty else { return [] }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: text.count) { folded in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: text.count + 1) { bounds in
                guard let (length, words) = Self.fold(text, into: folded, wordStarts: bounds) else {
                    // A non-Latin letter: fold it as TextFolding does (rare; allocates).
                    return matches(folded: Array(BrandOwnershipRecord.foldName(String(decoding: text, as: UTF8.self)).utf8))
                }
                return matches(folded: UnsafeBufferPointer(rebasing: folded[..<length]), wordStarts: bounds, words: words)
            }
        }
    }

    private func matches(folded: [UInt8]) -> [Match] {
        folded.withUnsafeBufferPointer { buffer in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: buffer.count + 1) { bounds in
                var words = 0
                if !buffer.isEmpty {
                    bounds[0] = 0
                    words = 1
                    for (i, byte) in buffer.enumerated() where byte == 0x20 { bounds[words] = i + 1; words += 1 }
                }
                return matches(folded: buffer, wordStarts: bounds, words: words)
            }
        }
    }

    /// Matching over folded text: words separated by single spaces, starting at `wordStarts`.
    private func matches(folded: UnsafeBufferPointer<UInt8>, wordStarts: UnsafeMutableBufferPointer<Int>, words: Int) -> [Match] {
        var found: [Match] = []
        var word = 0
        while word < words {
            let firstEnd = word + 1 < words ? wordStarts[word + 1] - 1 : folded.count
            let bit = Int(Self.hash(folded[wordStarts[word]..<firstEnd]) & 4095)
            guard firstWords[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else {
                word += 1
                continue
            }
            let longest = min(maxWords, words - word)
            var matched = 0
            for count in stride(from: longest, through: 1, by: -1) {
                let last = word + count - 1
                let end = last + 1 < words ? wordStarts[last + 1] - 1 : folded.count
                let range = folded[wordStarts[word]..<end]
                guard let name = lookup(range) else { continue }
                if !found.contains(where: { $0.owner == name.owner }) {
                    found.append(Match(owner: name.owner, alias: name.alias, name: name.id))
                }
                matched = count
                break
            }
            word += max(matched, 1)
        }
        return found
    }

    /// Folds UTF-8 as ``BrandOwnershipRecord/foldName(_:)`` does (apostrophes dropped, then
    /// ``TextFolding``) into `out`, recording where words start. Nil when the text holds a letter
    /// outside the Latin blocks, which the caller folds the slow way.
    static func fold(_ text: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>,
                     wordStarts: UnsafeMutableBufferPointer<Int>) -> (length: Int, words: Int)? {
        var length = 0, words = 0
        var pendingSpace = false
        @inline(__always) func emit(_ byte: UInt8) {
            if length == 0 || pendingSpace {
                if length > 0 { out[length] = 0x20; length += 1 }
                wordStarts[words] = length
                words += 1
            }
            pendingSpace = false
            out[length] = byte
            length += 1
        }
        var i = 0
        while i < text.count {
            let byte = text[i]
            if byte < 0x80 {
                switch byte {
                case 0x41...0x5A: emit(byte + 0x20)
                case 0x61...0x7A, 0x30...0x39: emit(byte)
                case 0x27: break                                   // ' dropped: "Biti's" → "bitis"
                default: pendingSpace = true
                }
                i += 1
                continue
            }
            // Decode one scalar; an invalid sequence is a separator.
            var value: UInt32 = 0, size = 0
            if byte & 0xE0 == 0xC0 { value = UInt32(byte & 0x1F); size = 2 }
            else if byte & 0xF0 == 0xE0 { value = UInt32(byte & 0x0F); size = 3 }
            else if byte & 0xF8 == 0xF0 { value = UInt32(byte & 0x07); size = 4 }
            guard size > 0, i + size <= text.count else { pendingSpace = true; i += 1; continue }
            var valid = true
            for k in 1..<size {
                let next = text[i + k]
                if next & 0xC0 != 0x80 { valid = false; break }
                value = value << 6 | UInt32(next & 0x3F)
            }
            guard valid else { pendingSpace = true; i += 1; continue }
            i += size
            if value == 0x2019 || (0x0300...0x036F).contains(value) { continue }   // ’ dropped; combining marks
            if let base = TextFolding.latinBase(value) { emit(base); continue }
            guard let scalar = Unicode.Scalar(value) else { pendingSpace = true; continue }
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { return nil }
            pendingSpace = true
        }
        return (length, words)
    }

    /// The name whose folded bytes are `range`, probing the open-addressing table.
    @inline(__always)
    private func lookup(_ range: Slice<UnsafeBufferPointer<UInt8>>) -> Name? {
        let hash = Self.hash(range)
        let mask = slots.count - 1
        var slot = Int(hash & UInt64(mask))
        while slots[slot] >= 0 {
            if slotHashes[slot] == hash {
                let name = nameList[Int(slots[slot])]
                if name.folded.elementsEqual(range) { return name }
            }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// FNV-1a, 64 bits.
    @inline(__always)
    static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash
    }
}
