import BarcodeScanning
import Foundation
import Testing
import HangViet

/// Verdicts on codes read from photos carry the read's confidence: a doubtful read says so and
/// is never called a possible forgery.
@Suite("Verdicts on scanned codes")
struct ScannedVerdictTests {
    let engine = VerdictEngine()
    static let images = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("BarcodeScanningTests/Images")

    func symbol(_ text: String, _ confidence: ReadConfidence, symbology: Symbology = .ean13) -> DecodedSymbol {
        DecodedSymbol(symbology: symbology, text: text, bytes: Array(text.utf8), encoding: "UTF-8", quality: 4,
                      polygon: [], pass: .direct, confidence: confidence)
    }

    @Test("a photographed GS1 DataMatrix with AI 422 = 704 gives declared Vietnamese origin, with its element values")
    func dataMatrixOrigin() throws {
        let path = Self.images.appendingPathComponent("datamatrix-gs1-origin-photo.jpg").path
        let report = engine.report(scanning: try BarcodeScanner().scan(file: path))
        let verdict = try #require(report.codes.first?.verdict)
        #expect(verdict.outcome == .declaredVietnameseOrigin)
        #expect(verdict.gtin?.digits == "8934563138165")
        #expect(verdict.countryOfOrigin?.code == 704)
        #expect(verdict.caveats.contains(.declaredOriginIsAClaim))
        #expect(!verdict.isFromDoubtfulRead)
        let json = String(decoding: report.jsonBytes(.en), as: UTF8.self)
        #expect(json.contains(#""symbology":"GS1-DataMatrix""#))
        #expect(json.contains(#""confidence":{"level":"confirmed","reason":"error-correction"}"#))
    }

    @Test("a medicine box's EAN-13 and GS1 DataMatrix side by side: a verdict for each, the declared origin from the DataMatrix")
    func dataMatrixBesideEAN13() throws {
        let path = Self.images.appendingPathComponent("datamatrix-beside-ean13-photo.jpg").path
        let report = engine.report(scanning: try BarcodeScanner().scan(file: path))
        #expect(report.codes.count == 2)
        let outcomes = report.codes.compactMap { $0.verdict?.outcome }
        #expect(outcomes.count == 2)
        #expect(outcomes.last == .declaredVietnameseOrigin)
        #expect(outcomes.first != .declaredVietnameseOrigin)   // 893 is where the number was licensed, not origin
        #expect(report.codes.last?.verdict?.countryOfOrigin?.code == 704)
    }

    @Test("an invalid code from a confirmed read is still a possible misprint or forged label")
    func confirmedInvalid() throws {
        let verdict = try #require(engine.verdict(for: symbol("8934563138166", ReadConfidence(level: .confirmed, reason: .twoDecoders))))
        #expect(verdict.outcome == .invalid)
        #expect(verdict.summary(.en).contains("forged label"))
        #expect(!verdict.caveats.contains { $0.code == "doubtful-read" })
    }

    @Test("an invalid code from a doubtful read is not called a forgery: compare with the printed digits", arguments: [
        ReadConfidence(level: .singleRead, reason: .oneDecoder),
        ReadConfidence(level: .unconfirmed, reason: .blurModel),
        ReadConfidence(level: .conflicting, reason: .otherReading, alternatives: ["8934563138165"]),
        ReadConfidence(level: .conflicting, reason: .barFit, alternatives: ["8934563138165"]),
        ReadConfidence(level: .conflicting, reason: .barDarkness, alternatives: ["8934563732165"]),
    ])
    func doubtfulInvalid(_ confidence: ReadConfidence) throws {
        let verdict = try #require(engine.verdict(for: symbol("8934563138166", confidence)))
        #expect(verdict.outcome == .invalid)
        for language in [Language.en, .vi] {
            let summary = verdict.summary(language)
            #expect(!summary.contains("forged") && !summary.contains("nhãn giả"), "\(summary)")
            #expect(verdict.caveats.allSatisfy { !$0.message(language).contains("forged") && !$0.message(language).contains("nhãn giả") })
        }
        #expect(verdict.summary(.en).contains("compare with the digits printed under the bars"))
        #expect(verdict.summary(.vi).contains("hãy so với các chữ số in dưới vạch"))
        #expect(!verdict.caveats.contains(.possibleMisprintOrForgery))
        #expect(verdict.caveats.first == .doubtfulRead(confidence))
    }

    @Test("a valid code from a doubtful read keeps its outcome and says the read is doubtful, in both languages")
    func doubtfulValid() throws {
        let blurred = try #require(engine.verdict(for: symbol("8934563138165", ReadConfidence(level: .unconfirmed, reason: .blurModel))))
        #expect(blurred.outcome == .vietnameseRegistrant)
        #expect(blurred.caveats.first?.message(.en) == "Doubtful read (read from a blurred photo): compare with the digits printed under the bars.")
        #expect(blurred.caveats.first?.message(.vi) == "Kết quả đọc chưa chắc chắn (đọc từ ảnh bị mờ): hãy so với các chữ số in dưới vạch.")
        let conflicting = try #require(engine.verdict(for: symbol("8934563138165",
            ReadConfidence(level: .conflicting, reason: .otherReading, alternatives: ["8934563138172"]))))
        #expect(conflicting.caveats.first?.message(.en).contains("8934563138172") == true)
        #expect(blurred.text(.en).contains("Doubtful read"))
    }

    @Test("a code the bar fit put in place of the decoders' reading names that reading, in both languages")
    func barFitRead() throws {
        let verdict = try #require(engine.verdict(for: symbol("8934563138165",
            ReadConfidence(level: .conflicting, reason: .barFit, alternatives: ["8934563318164"]))))
        #expect(verdict.outcome == .vietnameseRegistrant)
        #expect(verdict.caveats.first?.message(.en) == "Doubtful read (the decoders read 8934563318164, but the bars, fitted digit by digit, show this code): compare with the digits printed under the bars.")
        #expect(verdict.caveats.first?.message(.vi) == "Kết quả đọc chưa chắc chắn (bộ giải mã đọc ra 8934563318164, nhưng các vạch, khi khớp từng chữ số, cho thấy mã này): hãy so với các chữ số in dưới vạch.")
    }

    @Test("a code the bars' darkness put in place of its width twin names the decoders' reading, in both languages")
    func barDarknessRead() throws {
        let verdict = try #require(engine.verdict(for: symbol("8934563138165",
            ReadConfidence(level: .conflicting, reason: .barDarkness, alternatives: ["8934563732165"]))))
        #expect(verdict.outcome == .vietnameseRegistrant)
        #expect(verdict.caveats.first?.message(.en) == "Doubtful read (the decoders read 8934563732165, but how dark each digit's bars are shows this code, since 1 and 7, 2 and 8 differ only in bar width): compare with the digits printed under the bars.")
        #expect(verdict.caveats.first?.message(.vi) == "Kết quả đọc chưa chắc chắn (bộ giải mã đọc ra 8934563732165, nhưng độ đậm của vạch ở từng chữ số cho thấy mã này, vì 1 và 7, 2 và 8 chỉ khác nhau ở độ rộng vạch): hãy so với các chữ số in dưới vạch.")
    }

    @Test("typed codes carry no read confidence")
    func typedCodes() {
        let verdict = engine.verdict(for: "8934563138166")
        #expect(verdict.readConfidence == nil)
        #expect(verdict.summary(.en).contains("forged label"))
    }
}
