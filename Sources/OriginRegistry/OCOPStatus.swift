import Foundation

/// An OCOP rating and whether its certificate is current on a given day.
///
/// OCOP certificates are valid for 36 months. When only the year of recognition is known, a
/// rating from three or more years before this year has certainly lapsed, one from exactly three
/// years ago may have, and later ones have not (unless revoked).
///
/// ```swift
/// let status = OCOPStatus(stars: 4, province: "Nghệ An", year: 2021, certifiedOn: nil, expiresOn: nil,
///                         revoked: false, asOf: CalendarDate(year: 2026, month: 11, day: 23))
/// status.validity   // .expired(since: nil)
/// ```
public struct OCOPStatus: Sendable, Hashable {
    public enum Validity: Sendable, Hashable {
        /// Within 36 months of certification and not revoked.
        case current(until: CalendarDate?)
        /// Past 36 months: not a current OCOP rating.
        case expired(since: CalendarDate?)
        /// Only the year is known and it is exactly three years ago: the certificate may have lapsed.
        case possiblyExpired(year: Int)
        /// Withdrawn by the certifying authority.
        case revoked
        /// Neither a year nor a date is known.
        case unknown

        public var isCurrent: Bool { if case .current = self { return true } else { return false } }
        /// A stable name for JSON/CSV.
        public var code: String {
            switch self {
            case .current: return "current"
            case .expired: return "expired"
            case .possiblyExpired: return "possibly-expired"
            case .revoked: return "revoked"
            case .unknown: return "unknown"
            }
        }
    }

    /// 3, 4 or 5; nil when the source gives no rating (e.g. a "potential 5-star" nomination).
    public let stars: Int?
    public let province: String?
    public let year: Int?
    public let certifiedOn: CalendarDate?
    public let expiresOn: CalendarDate?
    public let revoked: Bool
    public let validity: Validity

    public init(stars: Int?, province: String?, year: Int?, certifiedOn: CalendarDate?, expiresOn: CalendarDate?,
                revoked: Bool, asOf today: CalendarDate) {
        self.stars = stars
        self.province = province
        self.year = year
        self.certifiedOn = certifiedOn
        let expiry = expiresOn ?? certifiedOn?.adding(months: OCOPStatus.validityMonths)
        self.expiresOn = expiry
        self.revoked = revoked
        if revoked {
            validity = .revoked
        } else if let expiry {
            validity = expiry < today ? .expired(since: expiry) : .current(until: expiry)
        } else if let year {
            if year + 3 < today.year { validity = .expired(since: nil) }
            else if year + 3 == today.year { validity = .possiblyExpired(year: year) }
            else { validity = .current(until: nil) }
        } else {
            validity = .unknown
        }
    }

    /// OCOP certificates last 36 months.
    public static let validityMonths = 36
}

/// A day in the proleptic Gregorian calendar, without time zone (certificate dates are days).
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses "2024-03-15", "15/03/2024" or "15-03-2024" (Vietnamese day-first order); nil otherwise.
    public init?(parsing text: String) {
        let parts = text.trimmingWhitespace().split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." })
        guard parts.count == 3, let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]) else { return nil }
        let (y, m, d) = parts[0].count == 4 ? (a, b, c) : (c, b, a)
        guard (1900...2200).contains(y), (1...12).contains(m), (1...CalendarDate.days(in: m, of: y)).contains(d) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Today in UTC.
    public static func today() -> CalendarDate {
        CalendarDate(daysSinceEpoch: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    init(daysSinceEpoch: Int) {
        // Howard Hinnant's civil_from_days.
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    public func adding(months: Int) -> CalendarDate {
        let total = year * 12 + (month - 1) + months
        let y = total / 12, m = total % 12 + 1
        return CalendarDate(year: y, month: m, day: min(day, CalendarDate.days(in: m, of: y)))
    }

    static func days(in month: Int, of year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// ISO 8601: "2024-03-15".
    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String { let s = String(n); return String(repeating: "0", count: max(0, width - s.count)) + s }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}
