/// Why a registry operation failed: a stable ``Code``, a message that names the input and
/// says what to do, and the underlying cause. The registry is unchanged whenever one is thrown.
///
/// ```swift
/// do { try registry.importFile(at: "ocop.csv", kind: .ocop) }
/// catch let error as RegistryError where error.code == .invalidRows {
///     for problem in error.problems { print(problem.line, problem.reason) }
/// }
/// ```
public struct RegistryError: Error, Sendable, CustomStringConvertible {
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The registry file is not an SQLite database.
        public static let notADatabase = Code(rawValue: "not-a-database")
        /// The registry file is damaged.
        public static let corruptDatabase = Code(rawValue: "corrupt-database")
        /// The registry file was written by a newer HangViet.
        public static let newerSchema = Code(rawValue: "newer-schema")
        /// The registry file or its folder cannot be written.
        public static let readOnly = Code(rawValue: "read-only")
        /// Another process holds the registry's write lock.
        public static let busy = Code(rawValue: "busy")
        /// The file cannot be read or created.
        public static let io = Code(rawValue: "io")
        /// The import file is not UTF-8/UTF-16 text.
        public static let badEncoding = Code(rawValue: "bad-encoding")
        /// The import file is not readable CSV (unterminated quote, empty file …).
        public static let badCSV = Code(rawValue: "bad-csv")
        /// Required columns are missing or a column is named twice.
        public static let wrongColumns = Code(rawValue: "wrong-columns")
        /// Some rows are invalid; ``RegistryError/problems`` lists each.
        public static let invalidRows = Code(rawValue: "invalid-rows")
        /// No registry entry has that ID.
        public static let notFound = Code(rawValue: "not-found")
        /// A search text or ID that cannot be used.
        public static let badQuery = Code(rawValue: "bad-query")
        /// Any other database failure.
        public static let database = Code(rawValue: "database")
    }

    /// One rejected row of an import file.
    public struct RowProblem: Sendable, Hashable {
        /// 1-based line number in the file (the header is line 1).
        public let line: Int
        public let reason: String
        public init(line: Int, reason: String) {
            self.line = line
            self.reason = reason
        }
    }

    public let code: Code
    public let message: String
    /// The file or registry the error is about.
    public let path: String?
    /// Rejected rows, for ``Code/invalidRows``.
    public let problems: [RowProblem]
    public let cause: (any Error & Sendable)?

    public init(_ code: Code, _ message: String, path: String? = nil, problems: [RowProblem] = [],
                cause: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.path = path
        self.problems = problems
        self.cause = cause
    }

    public var description: String {
        var text = message
        if let cause { text += " (\(cause))" }
        return text
    }
}
