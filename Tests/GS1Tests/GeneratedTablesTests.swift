import Foundation
import Testing
@testable import GS1

/// The compiled-in tables must say exactly what the sourced CSVs in Resources/ say.
@Suite("Generated tables agree with Resources/*.csv")
struct GeneratedTablesTests {
    static let resources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Resources")

    /// A minimal RFC 4180 reader (quoted fields with commas and newlines).
    static func rows(_ name: String) throws -> [[String: String]] {
        let text = try String(contentsOf: resources.appendingPathComponent(name), encoding: .utf8)
        var records: [[String]] = [[]]
        var field = ""
        var quoted = false
        var iterator = Array(text).makeIterator()
        var pending: Character? = nil
        while let c = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    let next = iterator.next()
                    if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                } else { field.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { records[records.count - 1].append(field); field = "" }
            else if c == "\n" || c == "\r\n" { records[records.count - 1].append(field); field = ""; records.append([]) }
            else { field.append(c) }
        }
        if !field.isEmpty || !(records.last?.isEmpty ?? true) { records[records.count - 1].append(field) }
        let header = records.removeFirst()
        return records.filter { !$0.isEmpty }.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    @Test func prefixes() throws {
        let rows = try Self.rows("gs1_prefixes.csv")
        #expect(rows.count == 154)
        for row in rows {
            let start = Int(row["prefix_start"]!)!, end = Int(row["prefix_end"]!)!, length = Int(row["prefix_length"]!)!
            let entry = try #require(GS1PrefixTable.entries.first { $0.start == start && $0.end == end && $0.length == length })
            // A merged (disputed) range keeps one reading as its name and the other as disputedReading.
            #expect(entry.name == row["country_or_use"] || entry.disputedReading == row["country_or_use"])
            #expect(row["source"]!.isEmpty == false)
        }
        #expect(GS1PrefixTable.entries.count == 153)  // 894 is listed twice and merged
    }

    @Test func companyPrefixLengths() throws {
        let rows = try Self.rows("gs1_893_gcp_lengths.csv")
        #expect(rows.count == VietnameseCompanyPrefix.lengthRules.count)
        for row in rows {
            let rule = try #require(VietnameseCompanyPrefix.lengthRules.first { $0.prefix == row["gtin13_prefix"] })
            #expect(rule.length == Int(row["gcp_length"]!))
            #expect(rule.source == row["source"]!.trimmingCharacters(in: .whitespaces))
        }
    }

    @Test func isbnRanges() throws {
        let rows = try Self.rows("vn_isbn.csv").filter { $0["record_type"] == "registrant_range" }
        #expect(rows.count == VietnameseISBN.registrantRanges.count)
        for row in rows {
            #expect(VietnameseISBN.registrantRanges.contains {
                $0.group == row["registration_group"] && $0.start == row["registrant_start"] && $0.end == row["registrant_end"]
            })
        }
    }

    @Test func countries() throws {
        let rows = try Self.rows("iso3166_countries.csv")
        #expect(rows.count == Country.all.count)
        #expect(Country(numericCode: 704)?.alpha2 == "VN")
        #expect(Country(alpha2: "jp")?.numeric == 392)
    }
}
