import OriginRegistry

/// A user-facing text in both languages, side by side. Every message HangViet shows goes
/// through one (no `vi ? … : …` at call sites), so neither language can be left out or
/// mixed up, and a catalogue is one search away.
///
/// ```swift
/// let text = LocalizedText(en: "no code found", vi: "không tìm thấy mã nào")
/// text[.vi]   // "không tìm thấy mã nào"
/// ```
public struct LocalizedText: Sendable, Hashable {
    public let en: String
    public let vi: String

    public init(en: String, vi: String) {
        self.en = en
        self.vi = vi
    }

    /// The text in `language`.
    public subscript(_ language: Language) -> String { language == .vi ? vi : en }
}

extension LocalizedNote {
    /// The note in `language` (the English one when a registry row has no Vietnamese note).
    public func text(_ language: Language) -> String { language == .vi ? vi ?? en : en }
}
