import Testing
@testable import OriginRegistry

@Suite("OCOP certificate validity (36 months)")
struct OCOPStatusTests {
    let today = CalendarDate(year: 2026, month: 11, day: 23)

    func status(year: Int? = nil, certified: String? = nil, expires: String? = nil, revoked: Bool = false) -> OCOPStatus {
        OCOPStatus(stars: 4, province: "Nghệ An", year: year, certifiedOn: certified.flatMap(CalendarDate.init(parsing:)),
                   expiresOn: expires.flatMap(CalendarDate.init(parsing:)), revoked: revoked, asOf: today)
    }

    @Test func datesDecideWhenKnown() {
        #expect(status(certified: "2023-11-24").validity == .current(until: CalendarDate(year: 2026, month: 11, day: 24)))
        #expect(status(certified: "22/11/2023").validity == .expired(since: CalendarDate(year: 2026, month: 11, day: 22)))
        #expect(status(certified: "2020-01-01", expires: "2027-01-01").validity.isCurrent) // an explicit expiry wins
    }

    @Test("only a year: three or more years back has lapsed, exactly three may have")
    func yearOnly() {
        #expect(status(year: 2022).validity == .expired(since: nil))
        #expect(status(year: 2023).validity == .possiblyExpired(year: 2023))
        #expect(status(year: 2024).validity == .current(until: nil))
        #expect(status().validity == .unknown)
    }

    @Test func revokedIsNeverCurrent() {
        #expect(status(year: 2025, revoked: true).validity == .revoked)
    }

    @Test func calendarArithmetic() {
        #expect(CalendarDate(year: 2024, month: 2, day: 29).adding(months: 36) == CalendarDate(year: 2027, month: 2, day: 28))
        #expect(CalendarDate(parsing: "31/02/2024") == nil)
        #expect(CalendarDate(parsing: "2024-13-01") == nil)
        #expect(CalendarDate(parsing: "15.03.2024") == CalendarDate(year: 2024, month: 3, day: 15))
        #expect(CalendarDate(daysSinceEpoch: 0) == CalendarDate(year: 1970, month: 1, day: 1))
        #expect(CalendarDate(daysSinceEpoch: 20_415) == CalendarDate(year: 2025, month: 11, day: 23))
    }
}
