extension RegistrySnapshot {
    /// The snapshot of the bundled seed alone, with the same IDs a fresh registry file gives them.
    public static func seed(asOf today: CalendarDate = .today()) throws(RegistryError) -> RegistrySnapshot {
        if let prefetched = SeedPrefetch.shared.take(today: today) { return try prefetched.get() }
        return try buildSeed(asOf: today)
    }

    /// Starts building today's seed snapshot on a background thread, so that a command that
    /// will need it (`check`, `scan`) overlaps the work with its own start-up; ``seed(asOf:)``
    /// then waits for that result instead of building another. Calling it twice does nothing.
    ///
    /// ```swift
    /// RegistrySnapshot.prefetchSeed()      // first thing in main
    /// let snapshot = try RegistrySnapshot.seed()   // later: the prefetched one
    /// ```
    public static func prefetchSeed() {
        SeedPrefetch.shared.start(today: .today())
    }

    /// Builds the seed's snapshot from the entries checked when the seed was generated
    /// (``SeedEntries``: no CSV to parse, no row to check), or, if the seed's CSVs have changed
    /// since, from the CSVs themselves.
    static func buildSeed(asOf today: CalendarDate) throws(RegistryError) -> RegistrySnapshot {
        if SeedEntries.version == SeedData.version {
            var sources: [Int64: RegistrySource] = [:]
            for (index, source) in SeedEntries.sources.enumerated() { sources[Int64(index + 1)] = source }
            return RegistrySnapshot(entries: SeedEntries.entries, sources: sources, asOf: today, bundledHotlines: true)
        }
        let seed = try seedEntries(checkedOn: today)
        return RegistrySnapshot(entries: seed.entries, sources: seed.sources, asOf: today, bundledHotlines: true)
    }

    /// The seed's entries (hotlines left out: the seed's snapshot reads them on first use) and
    /// their sources, checked from the CSVs like any import, with the IDs a fresh registry file
    /// gives them: what ``SeedEntries`` holds, precomputed.
    static func seedEntries(checkedOn today: CalendarDate) throws(RegistryError)
        -> (entries: [RegistryEntry], sources: [Int64: RegistrySource]) {
        var entries: [RegistryEntry] = []
        var sources: [Int64: RegistrySource] = [:]
        var sourceIDs: [String: Int64] = [:]
        for plan in try Seed.plans(today: today, skipping: [.hotlines]) {
            var nextID: Int64 = 1
            for item in plan.items {
                let sourceID: Int64
                if let known = sourceIDs[item.source] {
                    sourceID = known
                } else {
                    sourceID = Int64(sourceIDs.count + 1)
                    sourceIDs[item.source] = sourceID
                    sources[sourceID] = RegistrySource(address: item.source, title: "HangViet seed: Resources/registry/\(plan.fileName)",
                                                       licence: RegistrySource.licence(forAddress: item.source))
                }
                var entry = item.entry
                entry.setSource(sourceID, origin: .seed)
                entry.setID(nextID)
                nextID += 1
                entries.append(entry)
            }
        }
        return (entries, sources)
    }
}
