/// Why a registry operation failed: a stable ``Code``, the problem naming the input, what
/// would put it right (``Remedy``), and the underlying cause. The registry is unchanged whenever one is thrown.
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
        /// The registry location is not a file path or a `postgres://user@host:port/database` URL.
        public static let badLocation = Code(rawValue: "bad-location")
        /// The PostgreSQL server cannot be reached (refused, unknown host, timed out, dropped).
        public static let serverUnavailable = Code(rawValue: "server-unavailable")
        /// The PostgreSQL server refused the user or password.
        public static let accessDenied = Code(rawValue: "access-denied")
        /// The PostgreSQL server has no database of that name.
        public static let noSuchDatabase = Code(rawValue: "no-such-database")
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

    /// What would put it right, when it is something the user chooses (a file, a place, an
    /// option): ``message`` says it in neutral words; a front end says it with its own
    /// options (the CLI: `--registry PATH`, `--skip-invalid`, `--source`).
    public enum Remedy: Sendable, Hashable {
        /// The registry file does not exist: import a file to create it, or use the bundled registry.
        case createByImportOrUseBundled
        /// The file or folder cannot be written: fix its permissions, or import into another file.
        case fixPermissionsOrImportElsewhere
        /// The registry's folder cannot be created: choose another place.
        case chooseAnotherPlace
        /// Written by a newer HangViet: update HangViet, or use another file.
        case updateOrUseAnotherFile
        /// Not a registry: point at a registry file, or move this one away to start afresh.
        case pointAtRegistryOrMoveAway
        /// Cannot be opened for writing: fix its permissions, or use another file.
        case fixPermissionsOrUseAnotherFile
        /// Invalid rows: fix them, or import the good rows alone and keep the rejects.
        case fixRowsOrSkipInvalid(goodRows: Int)
        /// No source column: add one, or give one source for the whole file.
        case addSourceColumnOrNameOne
        /// An empty search: an example of a search text.
        case exampleSearch
        /// An ID that is not there: a search lists entries with their IDs.
        case searchListsIDs
        /// A text that is not an ID: a search lists the IDs.
        case searchListsThem

        /// The remedy in words that name no front end's options.
        public var neutralText: String {
            switch self {
            case .createByImportOrUseBundled: "Import a file to create it, or use the bundled registry."
            case .fixPermissionsOrImportElsewhere: "Fix its permissions, or import into another registry file."
            case .chooseAnotherPlace: "Choose another place for the registry."
            case .updateOrUseAnotherFile: "Update HangViet, or use another registry file."
            case .pointAtRegistryOrMoveAway: "Use a registry file, or move this file away to start a new registry."
            case .fixPermissionsOrUseAnotherFile: "Fix its permissions, or use another registry file."
            case .fixRowsOrSkipInvalid(let good): "Fix them, or import the \(good) good rows alone and keep the rejects with their reasons."
            case .addSourceColumnOrNameOne: "add a source column (an address or document number per row), or give one source for the whole file."
            case .exampleSearch: "e.g. “nuoc mam phu quoc”."
            case .searchListsIDs: "A registry search lists entries with their IDs."
            case .searchListsThem: "a registry search lists them."
            }
        }
    }

    public let code: Code
    /// What went wrong, naming the input; with the remedy in neutral words when there is one.
    public var message: String { remedy.map { problem + " " + $0.neutralText } ?? problem }
    /// What went wrong, naming the input, without the remedy.
    public let problem: String
    public let remedy: Remedy?
    /// The file or registry the error is about.
    public let path: String?
    /// Rejected rows, for ``Code/invalidRows``.
    public let problems: [RowProblem]
    public let cause: (any Error & Sendable)?

    public init(_ code: Code, _ problem: String, remedy: Remedy? = nil, path: String? = nil, problems: [RowProblem] = [],
                cause: (any Error & Sendable)? = nil) {
        self.code = code
        self.problem = problem
        self.remedy = remedy
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
