/// A tiny, fast JSON builder: verdict output must keep up with millions of codes, which
/// `JSONEncoder` cannot. Keys are written in a fixed order so output is stable.
public struct JSONWriter: Sendable {
    public private(set) var text: String = ""
    private var needsComma: [Bool] = []

    public init(capacity: Int = 512) { text.reserveCapacity(capacity) }

    public mutating func beginObject(_ key: String? = nil) { open(key, "{") }
    public mutating func endObject() { close("}") }
    public mutating func beginArray(_ key: String? = nil) { open(key, "[") }
    public mutating func endArray() { close("]") }

    public mutating func field(_ key: String, _ value: String?) {
        guard let value else { return }
        prefix(key)
        Self.appendQuoted(value, to: &text)
    }
    public mutating func field(_ key: String, _ value: Int?) {
        guard let value else { return }
        prefix(key)
        text += String(value)
    }
    public mutating func field(_ key: String, _ value: Bool?) {
        guard let value else { return }
        prefix(key)
        text += value ? "true" : "false"
    }
    /// A raw JSON value (already encoded).
    public mutating func raw(_ key: String?, _ json: String) {
        prefix(key)
        text += json
    }
    /// A string element of an array.
    public mutating func element(_ value: String) {
        prefix(nil)
        Self.appendQuoted(value, to: &text)
    }

    private mutating func open(_ key: String?, _ bracket: String) {
        prefix(key)
        text += bracket
        needsComma.append(false)
    }
    private mutating func close(_ bracket: String) {
        needsComma.removeLast()
        text += bracket
    }
    private mutating func prefix(_ key: String?) {
        if let last = needsComma.last {
            if last { text += "," }
            needsComma[needsComma.count - 1] = true
        }
        if let key {
            Self.appendQuoted(key, to: &text)
            text += ":"
        }
    }

    /// Appends `value` as a JSON string literal.
    public static func appendQuoted(_ value: String, to out: inout String) {
        out += "\""
        var needsEscape = false
        for byte in value.utf8 where byte < 0x20 || byte == 0x22 || byte == 0x5C { needsEscape = true; break }
        if !needsEscape {
            out += value
        } else {
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case let s where s.value < 0x20:
                    let hex = String(s.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
