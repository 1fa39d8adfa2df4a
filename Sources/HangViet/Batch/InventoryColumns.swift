import OriginRegistry

/// Which columns of an inventory file hold the barcode, the quantity and the price.
///
/// The barcode column is found by its header — gtin, barcode, ean, upc, "mã vạch",
/// "mã sản phẩm" … (case, spaces and diacritics ignored) — or named (by header or number).
///
/// ```swift
/// let columns = try InventoryColumns(header: ["STT", "Tên hàng", "Mã vạch", "SL"], barcode: nil, quantity: "SL", price: nil)
/// columns.barcode   // 2
/// ```
public struct InventoryColumns: Sendable, Hashable {
    public let header: [String]
    public let barcode: Int
    public let quantity: Int?
    public let price: Int?
    /// The item-name column, when the header has one: its names may match a brand's owner
    /// (weaker evidence than the registry's records; never "confirmed" alone).
    public private(set) var name: Int?

    /// Header names tried, in order, when no column is named.
    public static let barcodeHeaders = [
        "gtin", "barcode", "bar code", "ean", "ean13", "ean 13", "ean8", "upc", "upc a", "gtin13", "gtin 13", "gtin14",
        "mã vạch", "mã số mã vạch", "mã barcode", "mã sản phẩm", "mã sp", "code", "product code",
    ]

    /// Item-name headers, tried in order.
    public static let nameHeaders = [
        "name", "product name", "item name", "tên hàng", "tên sản phẩm", "tên hàng hóa", "tên mặt hàng", "mặt hàng",
        "sản phẩm", "product", "item", "description", "mô tả", "tên",
    ]

    /// The headers named in messages as found automatically.
    public static let automaticHeadersNamed = "gtin, barcode, ean, upc, mã vạch, mã sản phẩm"

    public init(header: [String], barcode: String?, quantity: String?, price: String?) throws(BatchError) {
        self.header = header
        let foldedHeader = header.map(Self.fold)
        self.name = Self.nameHeaders.lazy.compactMap { name in foldedHeader.firstIndex(of: Self.fold(name)) }.first
        if let barcode {
            self.barcode = try Self.find(barcode, in: header, role: .barcode)
        } else {
            let folded = header.map(Self.fold)
            guard let index = Self.barcodeHeaders.lazy.compactMap({ name in folded.firstIndex(of: Self.fold(name)) }).first else {
                throw BatchError(.noBarcodeColumn,
                                 "no barcode column: the header is \(Self.describe(header)); headers found automatically: \(Self.automaticHeadersNamed).",
                                 column: .barcode, header: header)
            }
            self.barcode = index
        }
        self.quantity = try quantity.map { name throws(BatchError) in try Self.find(name, in: header, role: .quantity) }
        self.price = try price.map { name throws(BatchError) in try Self.find(name, in: header, role: .price) }
        if name == self.barcode { name = nil }
    }

    static func find(_ name: String, in header: [String], role: BatchError.ColumnRole) throws(BatchError) -> Int {
        if let number = Int(name) {
            guard number >= 1 && number <= header.count else {
                throw BatchError(.noSuchColumn, "the \(role.rawValue) column \(number): the header has \(header.count) columns (\(describe(header))).",
                                 column: role, columnName: name, header: header)
            }
            return number - 1
        }
        let folded = fold(name)
        guard let index = header.firstIndex(where: { fold($0) == folded }) else {
            throw BatchError(.noSuchColumn, "the \(role.rawValue) column “\(name)”: no such column; the header is \(describe(header)).",
                             column: role, columnName: name, header: header)
        }
        return index
    }

    static func fold(_ text: String) -> String { TextFolding.fold(text) }

    /// `1 “STT”, 2 “Mã vạch”`: a header as messages show it.
    public static func describe(_ header: [String]) -> String {
        header.enumerated().map { "\($0.offset + 1) “\($0.element)”" }.joined(separator: ", ")
    }
}

/// Quantities and prices as people type them in Viet Nam and elsewhere: "12", "1.5",
/// "12.500" (twelve thousand five hundred: a dot followed by exactly three digits is a
/// thousands separator), "12.500,75", "1,234.5", "25 000 đ", "₫25,000".
public enum InventoryNumber {
    public static func parse(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    /// ``parse(_:)`` from UTF-8 bytes.
    public static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        // Fast path: plain digits.
        if !bytes.isEmpty && bytes.count <= 15 && bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            var value: UInt64 = 0
            for byte in bytes { value = value * 10 + UInt64(byte - 0x30) }
            return Double(value)
        }
        var digits: [UInt8] = []
        var separators: [(byte: UInt8, position: Int)] = []
        var negative = false
        for byte in bytes {
            switch byte {
            case 0x30...0x39: digits.append(byte)
            case 0x2C, 0x2E: separators.append((byte, digits.count))
            case 0x2D where digits.isEmpty: negative = true
            case 0x20, 0x09, 0x27: continue                 // spaces, apostrophes as group separators
            case 0x64, 0x44, 0x56, 0x4E: continue           // d, D, VND letters
            case 0xC2, 0xA0, 0xE2, 0x82, 0xAB, 0xC4, 0x91: continue // no-break space, ₫ (E2 82 AB), đ (C4 91)
            default: return nil
            }
        }
        guard !digits.isEmpty else { return nil }
        // Which separator is the decimal point?
        var decimalAt: Int?
        if let last = separators.last {
            let kinds = Set(separators.map(\.byte))
            if kinds.count == 2 {
                decimalAt = last.position
            } else if separators.count == 1 && digits.count - last.position != 3 {
                decimalAt = last.position
            }
            // One kind repeated, or one separator followed by exactly 3 digits: thousands.
        }
        var number = 0.0
        var scale = 1.0
        for (index, byte) in digits.enumerated() {
            if let decimalAt, index >= decimalAt {
                scale /= 10
                number += Double(byte - 0x30) * scale
            } else {
                number = number * 10 + Double(byte - 0x30)
            }
        }
        return negative ? -number : number
    }
}
