import GS1
@testable import OriginRegistry
import Testing

/// The background-built seed is the same snapshot `seed(asOf:)` builds itself, and a request
/// for another day does not get it.
struct SeedPrefetchTests {
    @Test func prefetchedSeedEqualsABuiltOne() throws {
        let today = CalendarDate.today()
        let prefetch = SeedPrefetch()
        #expect(prefetch.take(today: today) == nil, "nothing started: the caller builds the seed itself")
        prefetch.start(today: today)
        prefetch.start(today: today)  // a second call does nothing
        let prefetched = try #require(prefetch.take(today: today)).get()
        let built = try RegistrySnapshot.buildSeed(asOf: today)
        #expect(prefetched.asOf == today)
        #expect(prefetched.counts == built.counts)
        let gtin = try GTIN.parse("8934563138165")
        #expect(prefetched.facts(for: gtin).map(\.name) == built.facts(for: gtin).map(\.name))
        #expect(!prefetched.facts(for: gtin).isEmpty)

        let otherDay = CalendarDate(year: today.year - 4, month: 1, day: 1)
        #expect(prefetch.take(today: otherDay) == nil, "a snapshot for another day is not reused")
    }
}
