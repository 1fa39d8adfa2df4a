/// An error from parsing a code: a stable ``Code``, a technical English message and the
/// structured details (position, character, expected and found check digit) that the
/// verdict layer turns into a message in Vietnamese or English.
///
/// ```swift
/// do { _ = try GTIN.parse("8934563138166") }
/// catch let error as GS1Error {
///     error.code              // .checkDigitMismatch
///     error.expectedCheckDigit // "5"
/// }
/// ```
public struct GS1Error: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable machine-readable code; its raw value never changes once released.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// Nothing but whitespace, spaces or hyphens.
        public static let empty = Code(rawValue: "empty")
        /// Longer than any code HangViet reads.
        public static let tooLong = Code(rawValue: "too-long")
        /// A character that is not a digit, space or hyphen.
        public static let invalidCharacter = Code(rawValue: "invalid-character")
        /// A digit from another script (Arabic-Indic, full-width …) where ASCII 0-9 is required.
        public static let nonASCIIDigit = Code(rawValue: "non-ascii-digit")
        /// Bytes that are not valid UTF-8 (from a file or standard input).
        public static let invalidEncoding = Code(rawValue: "invalid-encoding")
        /// A NUL or other control character.
        public static let controlCharacter = Code(rawValue: "control-character")
        /// A digit count that is no GTIN/ISBN length (8, 10, 12, 13 or 14).
        public static let wrongLength = Code(rawValue: "wrong-length")
        /// The last digit is not the check digit the others require.
        public static let checkDigitMismatch = Code(rawValue: "check-digit-mismatch")
        /// An 8-digit UPC-E whose number system digit is not 0 or 1.
        public static let invalidUPCE = Code(rawValue: "invalid-upc-e")
        /// An "X" anywhere but the last place of an ISBN-10.
        public static let misplacedX = Code(rawValue: "misplaced-x")
        /// A GS1 element string that cannot be split into application identifiers.
        public static let malformedElementString = Code(rawValue: "malformed-element-string")
        /// An application identifier HangViet does not know.
        public static let unknownApplicationIdentifier = Code(rawValue: "unknown-ai")
        /// A value that breaks its application identifier's format (length, digits, date).
        public static let invalidApplicationIdentifierValue = Code(rawValue: "invalid-ai-value")
        /// A URL that claims to be a GS1 Digital Link but breaks its syntax.
        public static let malformedDigitalLink = Code(rawValue: "malformed-digital-link")
    }

    public var code: Code
    /// Technical English description (logs, exceptions). User-facing text comes from the verdict layer.
    public var message: String
    /// 1-based position in the input of the offending character, when there is one.
    public var position: Int?
    /// The offending character, when there is one.
    public var character: Character?
    /// For check-digit errors: the digit the other digits require ("X" possible for ISBN-10).
    public var expectedCheckDigit: Character?
    /// For check-digit errors: the digit that was found.
    public var foundCheckDigit: Character?
    /// For element strings and Digital Links: the application identifier concerned.
    public var applicationIdentifier: String?
    /// The number of digits found, for length errors.
    public var length: Int?

    public init(
        _ code: Code, _ message: String, position: Int? = nil, character: Character? = nil,
        expectedCheckDigit: Character? = nil, foundCheckDigit: Character? = nil,
        applicationIdentifier: String? = nil, length: Int? = nil
    ) {
        self.code = code
        self.message = message
        self.position = position
        self.character = character
        self.expectedCheckDigit = expectedCheckDigit
        self.foundCheckDigit = foundCheckDigit
        self.applicationIdentifier = applicationIdentifier
        self.length = length
    }

    public var description: String { "\(code): \(message)" }

    /// True for errors that mean "a well-formed code whose digits do not add up": the
    /// classic sign of a misprint or a forged label.
    public var isCheckDigitError: Bool { code == .checkDigitMismatch }
}
