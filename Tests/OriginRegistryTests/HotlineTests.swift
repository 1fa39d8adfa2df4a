import OriginRegistry
import Testing

/// Where to report suspect goods: the bundled hotlines, each with its date and source.
@Suite("Hotlines")
struct HotlineTests {
    @Test("the seed lists the national consumer line and the 389 committee's lines first, every line dated and sourced")
    func seed() throws {
        let lines = try Hotline.seed()
        #expect(lines.count == 32)
        let firstLocal = try #require(lines.firstIndex { !$0.isNational })
        #expect(lines[..<firstLocal].allSatisfy { $0.isNational })
        #expect(lines[firstLocal...].allSatisfy { !$0.isNational })
        let consumer = try #require(lines.first { $0.numberOrChannel == "1800 6838" })
        #expect(consumer.isNational && consumer.asOf.hasPrefix("2024"))
        #expect(consumer.source.contains("bvntd.gov.vn"))
        #expect(lines.contains { $0.numberOrChannel.contains("0981 389 389") && $0.isNational })
        #expect(lines.allSatisfy { !$0.source.isEmpty && !$0.asOf.isEmpty && $0.retrieved == "2026-12-02" })
        // The market-surveillance line predates the 2025 reorganisation, and says so.
        let surveillance = try #require(lines.first { $0.numberOrChannel == "1900 888 655" })
        #expect(surveillance.statusNote?.contains("1/3/2025") == true)
    }

    @Test("a hotline with no number or channel, or no source, is refused with its line and reason")
    func badRows() throws {
        let csv = """
            agency,number_or_channel,scope,as_of,source
            Good line,1800 6838,national,2024,https://example.org/a
            No number,,national,2024,https://example.org/b
            No source,0900 000 000,Hà Nội,2020,
            """
        do {
            _ = try Hotline.parse(Array(csv.utf8), name: "lines.csv")
            Issue.record("bad rows were accepted")
        } catch {
            #expect(error.code == .invalidRows)
            #expect(error.problems.map(\.line) == [3, 4])
            #expect(error.problems[0].reason.contains("number_or_channel"))
            #expect(error.problems[1].reason.contains("source"))
        }
        do {
            _ = try Hotline.parse(Array("agency,scope\nX,national\n".utf8), name: "lines.csv")
            Issue.record("missing columns were accepted")
        } catch {
            #expect(error.code == .wrongColumns && error.message.contains("number_or_channel"))
        }
    }
}
