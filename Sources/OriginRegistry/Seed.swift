import Dispatch

/// The bundled seed: the curated CSVs in Resources/registry, compiled into the binary.
enum Seed {
    static let files: [(kind: RegistryKind, name: String, text: String)] = [
        (.brands, "brands.csv", SeedData.brands),
        (.gtins, "products.csv", SeedData.products),
        (.ocop, "ocop.csv", SeedData.ocop),
        (.gi, "geographical_indications.csv", SeedData.geographicalIndications),
    ]

    /// The files in two groups of about the same size (products.csv; the other three), checked
    /// on two cores: the seed is most of what `hangviet check CODE` waits for.
    static let groups: [[Int]] = [[1], [0, 2, 3]]

    /// The seed checked like any import. Rows the checks reject (e.g. Open Food Facts codes with a
    /// wrong check digit) are left out and listed in ``RegistryStats/seedRejects``.
    static func plans(today: CalendarDate) throws(RegistryError) -> [ImportPlan] {
        let results = PlanSlots(count: files.count)
        DispatchQueue.concurrentPerform(iterations: groups.count) { group in
            for index in groups[group] {
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
            plans.append(try result!.get())
        }
        return plans
    }

    /// One slot per file, each written by exactly one worker before `concurrentPerform` returns
    /// (separate elements of one buffer, never the same one: no lock needed).
    private final class PlanSlots: @unchecked Sendable {
        private let slots: UnsafeMutablePointer<Result<ImportPlan, RegistryError>?>
        private let count: Int
        init(count: Int) {
            self.count = count
            slots = .allocate(capacity: count)
            slots.initialize(repeating: nil, count: count)
        }
        deinit {
            slots.deinitialize(count: count)
            slots.deallocate()
        }
        func set(_ index: Int, _ value: Result<ImportPlan, RegistryError>) { slots[index] = value }
        var values: [Result<ImportPlan, RegistryError>?] { Array(UnsafeBufferPointer(start: slots, count: count)) }
    }
}
