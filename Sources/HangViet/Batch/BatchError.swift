/// What stops an inventory check as a whole (a bad row never does: it is reported in its
/// row), with a stable code. Messages say what is wrong with the input, not which option of
/// which front end to use: the CLI and the server add their own advice, using ``column``,
/// ``columnName`` and ``header``.
///
/// ```swift
/// do { _ = try InventoryColumns(header: ["STT", "Tên"], barcode: nil, quantity: nil, price: nil) }
/// catch { error.code  // .noBarcodeColumn
/// }
/// ```
public struct BatchError: Error, Sendable, CustomStringConvertible {
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }
        /// No column's header names a barcode, and none was named.
        public static let noBarcodeColumn = Code(rawValue: "no-barcode-column")
        /// A named column (by header or number) is not in the header.
        public static let noSuchColumn = Code(rawValue: "no-such-column")
        /// The input has no header line.
        public static let emptyInput = Code(rawValue: "empty-input")
        /// A header but no rows.
        public static let noRows = Code(rawValue: "no-rows")
        /// The header line cannot be read as CSV.
        public static let unreadableHeader = Code(rawValue: "unreadable-header")
        /// The input cannot be opened or read (missing, a directory, an I/O error).
        public static let unreadableInput = Code(rawValue: "unreadable-input")
        /// A zip file that is not an Excel workbook, or a workbook that cannot be read.
        public static let unreadableWorkbook = Code(rawValue: "unreadable-workbook")
        /// A workbook that unpacks to more than the limit (a zip bomb?).
        public static let workbookTooLarge = Code(rawValue: "workbook-too-large")
    }

    /// Which column a column error is about.
    public enum ColumnRole: String, Sendable {
        case barcode, quantity, price
    }

    public let code: Code
    public let message: String
    /// For column errors: the column's role, the name or number given (nil when none was), and the header.
    public var column: ColumnRole?
    public var columnName: String?
    public var header: [String]

    public init(_ code: Code, _ message: String, column: ColumnRole? = nil, columnName: String? = nil, header: [String] = []) {
        self.code = code
        self.message = message
        self.column = column
        self.columnName = columnName
        self.header = header
    }

    public var description: String { message }
}
