/// UPC-E, the zero-suppressed 8-digit UPC, and its expansion to UPC-A by the GS1 rules.
///
/// ```swift
/// UPCE.expand(01234565)  // 012345000065 (as a number)
/// ```
public enum UPCE {
    /// Expands an 8-digit UPC-E (number system, six data digits, check digit) to the
    /// 12-digit UPC-A value it stands for, keeping the check digit. Returns nil when the
    /// number system digit is not 0 or 1.
    ///
    /// The sixth data digit decides where the zeros go:
    /// - 0, 1, 2: manufacturer `d1 d2 d6 0 0`, item `0 0 d3 d4 d5`
    /// - 3: manufacturer `d1 d2 d3 0 0`, item `0 0 0 d4 d5`
    /// - 4: manufacturer `d1 d2 d3 d4 0`, item `0 0 0 0 d5`
    /// - 5…9: manufacturer `d1 d2 d3 d4 d5`, item `0 0 0 0 d6`
    public static func expand(_ upcE: UInt64) -> UInt64? {
        let d = GTIN.digitArray(upcE, width: 8)
        let numberSystem = d[0]
        guard numberSystem <= 1 else { return nil }
        let (d1, d2, d3, d4, d5, d6) = (d[1], d[2], d[3], d[4], d[5], d[6])
        var upcA: [UInt8]
        switch d6 {
        case 0, 1, 2: upcA = [d1, d2, d6, 0, 0, 0, 0, d3, d4, d5]
        case 3: upcA = [d1, d2, d3, 0, 0, 0, 0, 0, d4, d5]
        case 4: upcA = [d1, d2, d3, d4, 0, 0, 0, 0, 0, d5]
        default: upcA = [d1, d2, d3, d4, d5, 0, 0, 0, 0, d6]
        }
        upcA.insert(numberSystem, at: 0)
        upcA.append(d[7])
        return upcA.reduce(0) { $0 * 10 + UInt64($1) }
    }

    /// The check digit a UPC-E must carry: that of the UPC-A it expands to.
    public static func expectedCheckDigit(_ upcE: UInt64) -> UInt8? {
        guard let expanded = expand(upcE) else { return nil }
        return CheckDigit.gs1(ofPayload: expanded / 10)
    }
}
