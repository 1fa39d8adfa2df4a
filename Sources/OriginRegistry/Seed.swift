/// The bundled seed: the curated CSVs in Resources/registry, compiled into the binary.
enum Seed {
    static let files: [(kind: RegistryKind, name: String, text: String)] = [
        (.brands, "brands.csv", SeedData.brands),
        (.gtins, "products.csv", SeedData.products),
        (.ocop, "ocop.csv", SeedData.ocop),
        (.gi, "geographical_indications.csv", SeedData.geographicalIndications),
    ]

    /// The seed checked like any import. Rows the checks reject (e.g. Open Food Facts codes with a
    /// wrong check digit) are left out and listed in ``RegistryStats/seedRejects``.
    static func plans(today: CalendarDate) throws(RegistryError) -> [ImportPlan] {
        var plans: [ImportPlan] = []
        for file in files {
            plans.append(try ImportPlan(bytes: Array(file.text.utf8), fileName: file.name, kind: file.kind,
                                        defaultSource: nil, today: today))
        }
        return plans
    }
}
