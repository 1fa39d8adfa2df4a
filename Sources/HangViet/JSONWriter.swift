/// A tiny, fast JSON builder: verdict output must keep up with millions of codes, which
/// `JSONEncoder` cannot. Keys are written in a fixed order so output is stable.
public struct JSONWriter: Sendable {
    /// The JSON so far, as UTF-8 bytes.
    public private(set) var bytes: [UInt8] = []
    private var needsComma: [Bool] = []

    public init(capacity: Int = 1024) {
        bytes.reserveCapacity(capacity)
        needsComma.reserveCapacity(8)
    }

    /// The JSON so far, as a String.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    public mutating func beginObject(_ key: String? = nil) { open(key, 0x7B) }
    public mutating func endObject() { close(0x7D) }
    public mutating func beginArray(_ key: String? = nil) { open(key, 0x5B) }
    public mutating func endArray() { close(0x5D) }

    public mutating func field(_ key: String, _ value: String?) {
        guard let value else { return }
        prefix(key)
        Self.appendQuoted(value, to: &bytes)
    }
    public mutating func field(_ key: String, _ value: Int?) {
        guard let value else { return }
        prefix(key)
        bytes.append(contentsOf: String(value).utf8)
    }
    public mutating func field(_ key: String, _ value: Bool?) {
        guard let value else { return }
        prefix(key)
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }
    /// A raw JSON value (already encoded).
    public mutating func raw(_ key: String?, _ json: String) {
        prefix(key)
        bytes.append(contentsOf: json.utf8)
    }
    /// A raw JSON value given as UTF-8 bytes (already encoded).
    public mutating func raw(_ key: String?, bytes json: [UInt8]) {
        prefix(key)
        bytes.append(contentsOf: json)
    }
    /// A string element of an array.
    public mutating func element(_ value: String) {
        prefix(nil)
        Self.appendQuoted(value, to: &bytes)
    }

    private mutating func open(_ key: String?, _ bracket: UInt8) {
        prefix(key)
        bytes.append(bracket)
        needsComma.append(false)
    }
    private mutating func close(_ bracket: UInt8) {
        needsComma.removeLast()
        bytes.append(bracket)
    }
    private mutating func prefix(_ key: String?) {
        if let last = needsComma.last {
            if last { bytes.append(0x2C) }
            needsComma[needsComma.count - 1] = true
        }
        if let key {
            Self.appendQuoted(key, to: &bytes)
            bytes.append(0x3A)
        }
    }

    /// JSON objects (already encoded) as one array: `[{…},{…}]`, or with `lineBreaks` one object
    /// per line (`[\n{…},\n{…}\n]`).
    public static func array<Objects: Sequence<[UInt8]>>(_ objects: Objects, lineBreaks: Bool = false) -> [UInt8] {
        var out: [UInt8] = [0x5B]
        var first = true
        for object in objects {
            if !first { out.append(0x2C) }
            first = false
            if lineBreaks { out.append(0x0A) }
            out += object
        }
        if lineBreaks { out.append(0x0A) }
        out.append(0x5D)
        return out
    }

    /// Appends `value` as a JSON string literal (UTF-8 bytes). Runs of bytes that need no
    /// escaping are copied in one go.
    public static func appendQuoted(_ value: String, to out: inout [UInt8]) {
        var value = value
        out.append(0x22)
        value.withUTF8 { bytes in
            out.reserveCapacity(out.count + bytes.count + 2)
            var runStart = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
                if runStart < index { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
                runStart = index + 1
                switch byte {
                case 0x22: out.append(0x5C); out.append(0x22)
                case 0x5C: out.append(0x5C); out.append(0x5C)
                case 0x0A: out.append(0x5C); out.append(0x6E)
                case 0x0D: out.append(0x5C); out.append(0x72)
                case 0x09: out.append(0x5C); out.append(0x74)
                default:
                    let hex: [UInt8] = [0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66]
                    out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
                }
            }
            if runStart < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
        }
        out.append(0x22)
    }
}
