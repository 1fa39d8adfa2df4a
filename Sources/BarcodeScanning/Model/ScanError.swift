/// Why an image could not be scanned: a stable ``Code``, a message that names the input and
/// says what to do, and the underlying cause when a C library gave one.
///
/// ```swift
/// do { _ = try BarcodeScanner().scan(bytes: [], source: "empty.jpg") }
/// catch let error as ScanError {
///     error.code     // .emptyInput
///     error.message  // "empty.jpg: the file is empty (0 bytes); …"
/// }
/// ```
public struct ScanError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable machine-readable code; its raw value never changes once released.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// Zero bytes.
        public static let emptyInput = Code(rawValue: "empty-input")
        /// Not an image format HangViet reads (JPEG, PNG, WebP, HEIC/HEIF, PNM, BMP).
        public static let unsupportedFormat = Code(rawValue: "unsupported-format")
        /// The image's header claims more pixels than the configured limit (a decompression bomb?).
        public static let tooManyPixels = Code(rawValue: "too-many-pixels")
        /// The bytes look like an image but cannot be decoded (truncated or corrupt).
        public static let corruptImage = Code(rawValue: "corrupt-image")
        /// The file could not be read (missing, permissions, a directory …).
        public static let unreadable = Code(rawValue: "unreadable")
        /// The input is larger than the configured byte limit.
        public static let inputTooLarge = Code(rawValue: "input-too-large")
    }

    /// What else would fix it, in a front end's own terms: the CLI adds "or raise --max-pixels"
    /// (see ``HangViet``'s `localizedMessage(_:remedyWords:)`); the message alone names no option.
    public enum Remedy: String, Sendable, Hashable {
        /// The image has more pixels than the limit: the limit can be raised.
        case raisePixelLimit
        /// A folder was given where files were expected: its images can be searched.
        case searchFolder
    }

    public var code: Code
    /// English message that names the input and says what to do (in words no front end owns).
    public var message: String
    public var remedy: Remedy?
    /// The underlying library's own words, when there are some (libjpeg-turbo, libpng …).
    public var cause: String?
    /// The input concerned (a path, "stdin", "upload"), set by the scanner.
    public var source: String

    public init(_ code: Code, _ message: String, remedy: Remedy? = nil, cause: String? = nil, source: String = "") {
        self.code = code
        self.message = message
        self.remedy = remedy
        self.cause = cause
        self.source = source
    }

    /// Runs `body`, stamping any error it throws with the input's name.
    static func labelling<T>(_ source: String, _ body: () throws(ScanError) -> T) throws(ScanError) -> T {
        do throws(ScanError) {
            return try body()
        } catch {
            var error = error
            error.source = source
            throw error
        }
    }

    public var description: String {
        cause.map { "\(message) (\($0))" } ?? message
    }
}
