extension String {
    /// The text made safe for HTML element content and attribute values (`&`, `<`, `>`, `"`, `'`).
    ///
    /// ```swift
    /// "<img src=x>".htmlEscaped   // "&lt;img src=x&gt;"
    /// ```
    public var htmlEscaped: String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for character in self {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
