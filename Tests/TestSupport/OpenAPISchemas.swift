import Foundation
import HangVietServer

/// The schemas of the served OpenAPI document, read by a small YAML reader (block maps and
/// lists, flow `{…}` and `[…]`, quoted and plain scalars, `|` and `>-` text: what the document
/// uses), and a strict validator: every key a JSON object carries must be declared, unless the
/// schema leaves the object open (`type: object` with no `properties`) or gives
/// `additionalProperties`. That is what keeps the CLI, the server and the document from drifting.
public struct OpenAPISchemas: Sendable {
    public indirect enum Node: Equatable, Sendable {
        case map([(String, Node)])
        case list([Node])
        case scalar(String)

        public static func == (a: Node, b: Node) -> Bool {
            switch (a, b) {
            case (.scalar(let x), .scalar(let y)): x == y
            case (.list(let x), .list(let y)): x == y
            case (.map(let x), .map(let y)): x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
            default: false
            }
        }

        public subscript(key: String) -> Node? {
            guard case .map(let pairs) = self else { return nil }
            return pairs.first { $0.0 == key }?.1
        }
        public var text: String? { if case .scalar(let s) = self { s } else { nil } }
        public var items: [Node] { if case .list(let l) = self { l } else { [] } }
        public var pairs: [(String, Node)] { if case .map(let p) = self { p } else { [] } }
    }

    public let document: Node

    public init(yaml: String = OpenAPIDocument.yaml) {
        var reader = BlockReader(lines: yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        document = reader.block(indent: 0)
    }

    public func schema(_ name: String) -> Node? { document["components"]?["schemas"]?[name] }

    /// Problems with the JSON text against the named component schema; empty when it conforms.
    public func problems(_ json: [UInt8], against name: String) -> [String] {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(json)) else { return ["\(name): not JSON"] }
        return problems(value, against: name)
    }

    /// Problems with a JSON value against the named component schema; empty when it conforms.
    public func problems(_ value: JSONValue, against name: String) -> [String] {
        guard let schema = schema(name) else { return ["no schema \(name)"] }
        var found: [String] = []
        check(value, schema, path: name, into: &found)
        return found
    }

    private func check(_ value: JSONValue, _ schema: Node, path: String, into found: inout [String]) {
        if let ref = schema["$ref"]?.text {
            let name = String(ref.split(separator: "/").last ?? "")
            guard let target = self.schema(name) else { found.append("\(path): unknown $ref \(ref)"); return }
            return check(value, target, path: path, into: &found)
        }
        if let type = schema["type"]?.text {
            let ok: Bool = switch (type, value) {
            case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("number", .number): true
            case ("integer", .number(let n)): n.rounded() == n
            default: false
            }
            guard ok else { found.append("\(path): expected \(type), found \(value)"); return }
        }
        if let allowed = schema["enum"]?.items.compactMap(\.text), case .string(let string) = value, !allowed.contains(string) {
            found.append("\(path): \"\(string)\" is not one of \(allowed)")
        }
        if let constant = schema["const"]?.text, case .string(let string) = value, string != constant {
            found.append("\(path): \"\(string)\" is not \(constant)")
        }
        if case .object(let object) = value {
            for key in schema["required"]?.items.compactMap(\.text) ?? [] where object[key] == nil {
                found.append("\(path): required key \(key) is missing")
            }
            let properties = schema["properties"]
            let additional = schema["additionalProperties"]
            for (key, member) in object.sorted(by: { $0.key < $1.key }) {
                if let declared = properties?[key] {
                    check(member, declared, path: "\(path).\(key)", into: &found)
                } else if let additional, case .map = additional {
                    check(member, additional, path: "\(path).\(key)", into: &found)
                } else if properties != nil {
                    found.append("\(path): key \(key) is not in the document")
                }
            }
        }
        if case .array(let array) = value, let items = schema["items"] {
            for (index, element) in array.enumerated() { check(element, items, path: "\(path)[\(index)]", into: &found) }
        }
    }
}

/// A JSON value with booleans and numbers told apart.
public enum JSONValue: Decodable, Equatable, Sendable {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let b = try? container.decode(Bool.self) { self = .bool(b) }
        else if let n = try? container.decode(Double.self) { self = .number(n) }
        else if let s = try? container.decode(String.self) { self = .string(s) }
        else if let a = try? container.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    public subscript(key: String) -> JSONValue? { if case .object(let o) = self { o[key] } else { nil } }
    public var elements: [JSONValue] { if case .array(let a) = self { a } else { [] } }
}

/// Reads the block structure of the document, line by line.
private struct BlockReader {
    let lines: [String]
    var index = 0

    static func indentation(_ line: String) -> Int { line.prefix { $0 == " " }.count }
    static func isBlank(_ line: String) -> Bool { line.allSatisfy { $0 == " " } }

    mutating func skipBlank() { while index < lines.count, Self.isBlank(lines[index]) { index += 1 } }

    /// The block starting at the next line, whose lines are indented by `indent` or more.
    mutating func block(indent: Int) -> OpenAPISchemas.Node {
        skipBlank()
        guard index < lines.count, Self.indentation(lines[index]) >= indent else { return .scalar("") }
        let column = Self.indentation(lines[index])
        return lines[index].dropFirst(column).hasPrefix("- ") ? list(column) : map(column)
    }

    mutating func list(_ column: Int) -> OpenAPISchemas.Node {
        var items: [OpenAPISchemas.Node] = []
        while true {
            skipBlank()
            guard index < lines.count, Self.indentation(lines[index]) == column,
                  lines[index].dropFirst(column).hasPrefix("- ") else { break }
            let rest = String(lines[index].dropFirst(column + 2))
            if rest.hasPrefix("{") || rest.hasPrefix("[") || !rest.contains(": ") && !rest.hasSuffix(":") {
                index += 1
                var flow = FlowReader(text: Array(rest))
                items.append(flow.value())
            } else {
                // "- key: value": a map whose first line starts after the dash.
                var copy = lines
                copy[index] = String(repeating: " ", count: column + 2) + rest
                var inner = BlockReader(lines: copy, index: index)
                items.append(inner.map(column + 2))
                index = inner.index
            }
        }
        return .list(items)
    }

    mutating func map(_ column: Int) -> OpenAPISchemas.Node {
        var pairs: [(String, OpenAPISchemas.Node)] = []
        while true {
            skipBlank()
            guard index < lines.count, Self.indentation(lines[index]) == column else { break }
            let line = String(lines[index].dropFirst(column))
            guard !line.hasPrefix("- ") else { break }
            let (key, rest) = Self.splitKey(line)
            index += 1
            let value: OpenAPISchemas.Node
            if rest.isEmpty {
                value = block(indent: column + 1)
            } else if rest == "|" || rest == ">-" || rest == ">" {
                var text: [String] = []
                while index < lines.count, Self.isBlank(lines[index]) || Self.indentation(lines[index]) > column {
                    text.append(lines[index].trimmingPrefixSpaces()); index += 1
                }
                value = .scalar(text.joined(separator: rest == "|" ? "\n" : " "))
            } else if rest.hasPrefix("{") || rest.hasPrefix("[") {
                var text = rest
                while !FlowReader.isBalanced(text), index < lines.count { text += " " + lines[index].trimmingPrefixSpaces(); index += 1 }
                var flow = FlowReader(text: Array(text))
                value = flow.value()
            } else {
                value = .scalar(FlowReader.unquoted(rest))
            }
            pairs.append((key, value))
        }
        return .map(pairs)
    }

    static func splitKey(_ line: String) -> (String, String) {
        if let quote = line.first, quote == "'" || quote == "\"", let end = line.dropFirst().firstIndex(of: quote) {
            let key = String(line[line.index(after: line.startIndex)..<end])
            let after = line[line.index(after: end)...].drop { $0 == ":" || $0 == " " }
            return (key, String(after))
        }
        if let range = line.range(of: ": ") {
            return (String(line[..<range.lowerBound]), String(line[range.upperBound...]).trimmingTrailingSpaces())
        }
        return (line.hasSuffix(":") ? String(line.dropLast()) : line, "")
    }
}

/// Reads one flow value: `{k: v, …}`, `[a, b]`, or a scalar.
private struct FlowReader {
    let text: [Character]
    var at = 0

    static func isBalanced(_ text: String) -> Bool {
        var depth = 0, quote: Character? = nil
        for c in text {
            if let q = quote { if c == q { quote = nil }; continue }
            if c == "'" || c == "\"" { quote = c } else if c == "{" || c == "[" { depth += 1 } else if c == "}" || c == "]" { depth -= 1 }
        }
        return depth == 0
    }

    static func unquoted(_ text: String) -> String {
        let t = text.trimmingPrefixSpaces().trimmingTrailingSpaces()
        if t.count >= 2, let f = t.first, (f == "'" || f == "\""), t.last == f { return String(t.dropFirst().dropLast()) }
        return t
    }

    mutating func space() { while at < text.count, text[at] == " " { at += 1 } }

    mutating func value() -> OpenAPISchemas.Node {
        space()
        guard at < text.count else { return .scalar("") }
        if text[at] == "{" {
            at += 1
            var pairs: [(String, OpenAPISchemas.Node)] = []
            while true {
                space()
                if at >= text.count { break }
                if text[at] == "}" { at += 1; break }
                if text[at] == "," { at += 1; continue }
                let key = scalar(stopAtColon: true)
                space()
                if at < text.count, text[at] == ":" { at += 1; pairs.append((key, value())) } else { pairs.append((key, .scalar(""))) }
            }
            return .map(pairs)
        }
        if text[at] == "[" {
            at += 1
            var items: [OpenAPISchemas.Node] = []
            while true {
                space()
                if at >= text.count { break }
                if text[at] == "]" { at += 1; break }
                if text[at] == "," { at += 1; continue }
                items.append(value())
            }
            return .list(items)
        }
        return .scalar(scalar(stopAtColon: false))
    }

    mutating func scalar(stopAtColon: Bool) -> String {
        space()
        if at < text.count, text[at] == "'" || text[at] == "\"" {
            let quote = text[at]; at += 1
            var out = ""
            while at < text.count, text[at] != quote { out.append(text[at]); at += 1 }
            at += 1
            return out
        }
        var out = ""
        while at < text.count {
            let c = text[at]
            if c == "," || c == "}" || c == "]" { break }
            if stopAtColon, c == ":", at + 1 >= text.count || text[at + 1] == " " { break }
            out.append(c); at += 1
        }
        return out.trimmingTrailingSpaces()
    }
}

private extension StringProtocol {
    func trimmingPrefixSpaces() -> String { String(drop { $0 == " " }) }
    func trimmingTrailingSpaces() -> String {
        var s = String(self)
        while s.last == " " { s.removeLast() }
        return s
    }
}
