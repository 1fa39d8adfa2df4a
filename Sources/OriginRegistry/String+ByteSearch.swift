extension String {
    /// True when `needle` occurs in the string, comparing UTF-8 bytes. A plain byte search: the
    /// generic `Collection.contains(_:)` costs microseconds per call, which added up to 15 % of
    /// building the seed (one licence check per source).
    ///
    /// ```swift
    /// "https://world.openfoodfacts.org/product/1".containsBytes("openfoodfacts")  // true
    /// ```
    func containsBytes(_ needle: String) -> Bool {
        var haystack = self, needle = needle
        return needle.withUTF8 { n in
            haystack.withUTF8 { h in
                guard n.count <= h.count else { return false }
                guard let first = n.first else { return true }
                for start in 0...(h.count - n.count) where h[start] == first {
                    var k = 1
                    while k < n.count && h[start + k] == n[k] { k += 1 }
                    if k == n.count { return true }
                }
                return false
            }
        }
    }

    /// The string with its ASCII letters in lower case (other characters unchanged): cheaper
    /// than `lowercased()`, which applies Unicode case mapping.
    var asciiLowercased: String {
        String(decoding: utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}
