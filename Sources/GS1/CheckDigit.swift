/// Check-digit arithmetic for GS1 keys (mod 10) and ISBN-10/ISSN (mod 11).
///
/// ```swift
/// CheckDigit.gs1(for: [8,9,3,4,5,6,3,1,3,8,1,6]) // 5
/// CheckDigit.isbn10(for: [0,3,0,6,4,0,6,1,5])   // 2
/// ```
public enum CheckDigit {
    /// The GS1 mod-10 check digit for the digits that precede it (weights 3,1,3,… from the right).
    @inlinable
    public static func gs1<C: Collection>(for digits: C) -> UInt8 where C.Element == UInt8 {
        var sum = 0
        var weight = 3
        for digit in digits.reversed() {
            sum += Int(digit) * weight
            weight = 4 - weight
        }
        return UInt8((10 - sum % 10) % 10)
    }

    /// GS1 mod-10 check digit for the digits of `payload` (the number without its check
    /// digit; leading zeros do not change the result). Allocation-free.
    @inlinable
    public static func gs1(ofPayload payload: UInt64) -> UInt8 {
        var rest = payload
        var sum: UInt64 = 0
        var weight: UInt64 = 3
        while rest > 0 {
            sum += (rest % 10) * weight
            rest /= 10
            weight = 4 - weight
        }
        return UInt8((10 - sum % 10) % 10)
    }

    /// The ISBN-10 mod-11 check digit (10 is written "X") for the first nine digits.
    public static func isbn10<C: Collection>(for digits: C) -> Character where C.Element == UInt8 {
        var sum = 0
        for (index, digit) in digits.enumerated() { sum += Int(digit) * (10 - index) }
        let check = (11 - sum % 11) % 11
        return check == 10 ? "X" : Character(String(check))
    }

    /// The ISSN mod-11 check digit (10 is written "X") for the first seven digits.
    public static func issn<C: Collection>(for digits: C) -> Character where C.Element == UInt8 {
        var sum = 0
        for (index, digit) in digits.enumerated() { sum += Int(digit) * (8 - index) }
        let check = (11 - sum % 11) % 11
        return check == 10 ? "X" : Character(String(check))
    }
}
