import Foundation
import TestSupport
import Testing

/// Runs the real `hangviet` binary, as users and scripts do, and checks output and exit codes.
@Suite("hangviet check (the binary)")
struct CheckCommandTests {
    typealias Result = HangVietBinary.Result

    static var binary: URL { HangVietBinary.url }

    /// A registry path that never exists, so tests see the bundled registry and not the developer's own file.
    static let absentRegistry = HangVietBinary.absentRegistry

    static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = ["LANG": "C.UTF-8"]) throws -> Result {
        try HangVietBinary.run(arguments, stdin: stdin, environment: environment)
    }

    @Test func wellFormedCodesExitZero() throws {
        let result = try Self.run(["check", "8934563138165", "9786045823453", "--format", "text"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Vietnamese registrant: number licensed through GS1 Vietnam (prefix 893)"))
        #expect(result.stdout.contains("does not prove the goods were made in Viet Nam"))
        #expect(result.stdout.contains("Vietnamese book: ISBN 978-604-58-2345-3"))
    }

    @Test func vietnameseByFlagAndByLANG() throws {
        let byFlag = try Self.run(["check", "--lang", "vi", "8934563138165", "--format", "text"])
        #expect(byFlag.stdout.contains("mã số được cấp qua GS1 Việt Nam"))
        #expect(byFlag.stdout.contains("không chứng minh hàng được sản xuất tại Việt Nam"))
        let byEnvironment = try Self.run(["check", "8934563138165", "--format", "text"], environment: ["LANG": "vi_VN.UTF-8"])
        #expect(byEnvironment.stdout == byFlag.stdout)
    }

    @Test func invalidCodeExitsOneAndOthersStillReported() throws {
        let result = try Self.run(["check", "8934563138166", "4901780188352", "--format", "ndjson"])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        #expect(first?["outcome"] as? String == "invalid")
        #expect((first?["error"] as? [String: Any])?["expectedCheckDigit"] as? String == "5")
        let second = try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any]
        #expect(second?["outcome"] as? String == "foreign-registrant")
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try Self.run(["check", "--format", "xml", "8934563138165"]).status == 2)
        #expect(try Self.run(["check", "--lang", "fr", "8934563138165"]).status == 2)
        #expect(try Self.run(["check", "-", "8934563138165"]).status == 2)
        #expect(try Self.run(["frobnicate"]).status == 2)
    }

    @Test func versionAndHelp() throws {
        let version = try Self.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
        let help = try Self.run(["check", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("EXAMPLES"))
        #expect(help.stdout.contains("EXIT CODES"))
    }

    @Test func jsonFormatIsOneArray() throws {
        let result = try Self.run(["check", "--format", "json"], stdin: Data("8934563138165\n\n# comment\n4901780188352\r\n".utf8))
        #expect(result.status == 0)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(array.count == 2)
        #expect(array[0]["line"] as? Int == 1)
        #expect(array[1]["line"] as? Int == 4)
        #expect(array[1]["input"] as? String == "4901780188352")
    }

    @Test func csvFormatHasHeaderAndOneRowPerCode() throws {
        let result = try Self.run(["check", "--format", "csv", "8934563138165", "x,y"])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("line,input,valid,outcome"))
        #expect(lines[2].hasPrefix(",\"x,y\",false,invalid"))
    }

    @Test func badLinesOnStandardInputAreNamedAndTheRestChecked() throws {
        var input = Data("8934563138165\n".utf8)
        input.append(contentsOf: [0x38, 0x39, 0xFF, 0x33, 0x0A])           // line 2: invalid UTF-8
        input.append(Data("89345\u{0}63138165\n".utf8))                    // line 3: NUL
        input.append(Data(String(repeating: "9", count: 1_000_000).utf8))  // line 4: 1 MB of digits
        input.append(Data("\n٨٩٣٤٥٦٣١٣٨١٦٥\nhello\n4901780188352\n".utf8)) // lines 5-7
        let result = try Self.run(["check", "-", "--format", "ndjson"], stdin: input)
        #expect(result.status == 1)
        let objects = try result.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(objects.count == 7)
        let codes = objects.map { ($0["error"] as? [String: Any])?["code"] as? String }
        #expect(codes == [nil, "invalid-encoding", "control-character", "too-long", "non-ascii-digit", "invalid-character", nil])
        #expect(objects.map { $0["line"] as? Int } == [1, 2, 3, 4, 5, 6, 7])
        #expect(objects.last?["outcome"] as? String == "foreign-registrant")
    }

    @Test func emptyInputIsAnError() throws {
        let blank = try Self.run(["check", "-"], stdin: Data("\n   \n# only a comment\n".utf8))
        #expect(blank.status == 2)
        #expect(blank.stderr.contains("no codes"))
        let emptyArgument = try Self.run(["check", "", "--format", "text"])
        #expect(emptyArgument.status == 1)
        #expect(emptyArgument.stdout.contains("empty input"))
    }

    @Test func streamsManyCodes() throws {
        // 200 000 lines: every one answered, in order, with constant-memory streaming.
        let codes = ["8934563138165", "4901780188352", "9786045823453", "2001234567893"]
        var text = ""
        for i in 0..<200_000 { text += codes[i % 4] + "\n" }
        let result = try Self.run(["check", "--format", "csv"], stdin: Data(text.utf8))
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 200_001)
        #expect(lines[200_000].hasPrefix("200000,2001234567893,true,not-applicable"))
    }
}
