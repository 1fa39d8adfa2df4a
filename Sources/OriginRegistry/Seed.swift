import Foundation

/// The bundled seed: the curated CSVs in Resources/registry, compiled into the binary.
package enum Seed {
    static let files: [(kind: RegistryKind, name: String, text: String)] = [
        (.brands, "brands.csv", SeedData.brands),
        (.gtins, "products.csv", SeedData.products),
        (.ocop, "ocop.csv", SeedData.ocop),
        (.gi, "geographical_indications.csv", SeedData.geographicalIndications),
        (.ownership, "brand_ownership.csv", SeedData.brandOwnership),
        (.recognition, "recognition.csv", SeedData.recognition),
        (.hotlines, "hotlines.csv", SeedData.hotlines),
    ]

    /// The files' indices in two groups of about the same size (largest file first, each to the
    /// lighter group), checked on two cores: the seed is most of what `hangviet check CODE` waits for.
    static let groups: [[Int]] = {
        var groups: [[Int]] = [[], []], sizes = [0, 0]
        for index in files.indices.sorted(by: { files[$0].text.utf8.count > files[$1].text.utf8.count }) {
            let lighter = sizes[0] <= sizes[1] ? 0 : 1
            groups[lighter].append(index)
            sizes[lighter] += files[index].text.utf8.count
        }
        return groups
    }()

    /// The seed checked like any import. Rows the checks reject (e.g. Open Food Facts codes with a
    /// wrong check digit) are left out and listed in ``RegistryStats/seedRejects``.
    /// `skipping` leaves kinds out (the in-memory seed snapshot reads hotlines on demand instead).
    package static func plans(today: CalendarDate, skipping: Set<RegistryKind> = []) throws(RegistryError) -> [ImportPlan] {
        let results = ResultSlots<ImportPlan, RegistryError>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: groups.count) { group in
            for index in groups[group] where !skipping.contains(files[index].kind) {
                let file = files[index]
                results.set(index, Result { () throws(RegistryError) -> ImportPlan in
                    try ImportPlan(bytes: Array(file.text.utf8), fileName: file.name, kind: file.kind,
                                   defaultSource: nil, today: today)
                })
            }
        }
        // In file order; the first file's error wins, as when they were checked one by one.
        var plans: [ImportPlan] = []
        for result in results.values {
            guard let result else { continue }   // a skipped kind
            plans.append(try result.get())
        }
        return plans
    }
}
