import Foundation

/// GS1's rule for the century of a YYMMDD date (General Specifications, "Date" data
/// fields): the year is placed within 49 years ahead of and 50 years behind this year.
public enum GS1Date {
    public static func fullYear(twoDigitYear: Int, currentYear: Int = Calendar(identifier: .gregorian).component(.year, from: Date())) -> Int {
        let century = currentYear / 100 * 100
        let difference = twoDigitYear - currentYear % 100
        if difference >= 51 { return century - 100 + twoDigitYear }
        if difference <= -50 { return century + 100 + twoDigitYear }
        return century + twoDigitYear
    }
}
