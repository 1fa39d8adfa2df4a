extension InventorySummary {
    /// Adds a later part's counts (parts merged in input order keep the lists in line order).
    public mutating func merge(_ other: InventorySummary) {
        rows += other.rows
        for index in outcomeCounts.indices { outcomeCounts[index] += other.outcomeCounts[index] }
        for index in categoryRows.indices {
            categoryRows[index] += other.categoryRows[index]
            categoryQuantity[index] += other.categoryQuantity[index]
            categoryValue[index] += other.categoryValue[index]
        }
        for (key, value) in other.issuerCounts {
            if let known = issuerCounts[key] { issuerCounts[key] = (known.name, known.rows + value.rows) } else { issuerCounts[key] = value }
        }
        for (key, value) in other.declaredCountries { declaredCountries[key, default: 0] += value }
        invalidCount += other.invalidCount
        invalidRows += other.invalidRows.prefix(Self.listLimit - invalidRows.count)
        foreignGroupRows += other.foreignGroupRows.prefix(Self.listLimit - foreignGroupRows.count)
        badNumberCount += other.badNumberCount
        badNumbers += other.badNumbers.prefix(Self.listLimit - badNumbers.count)
        hasQuantity = hasQuantity || other.hasQuantity
        hasValue = hasValue || other.hasValue
    }
}
