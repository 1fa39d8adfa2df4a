extension String {
    /// True when `needle` occurs in the string, comparing UTF-8 bytes with ASCII letters folded
    /// to lower case (`needle` must be lower case). A byte search: the generic
    /// `Collection.contains(_:)` costs microseconds per call, which adds up over a seed of
    /// several hundred sources.
    ///
    /// ```swift
    /// "https://world.OpenFoodFacts.org/product/1".containsBytes(folding: "openfoodfacts")  // true
    /// ```
    func containsBytes(folding needle: String, caseInsensitive: Bool = true) -> Bool {
        var haystack = Array(utf8)
        if caseInsensitive {
            for i in haystack.indices where haystack[i] >= 0x41 && haystack[i] <= 0x5A { haystack[i] |= 0x20 }
        }
        var needle = needle
        return needle.withUTF8 { n in
            guard n.count > 0 else { return true }
            guard n.count <= haystack.count else { return false }
            return haystack.withUnsafeBufferPointer { h in
                let first = n[0], last = h.count - n.count
                var start = 0
                while start <= last {
                    if h[start] == first {
                        var k = 1
                        while k < n.count && h[start + k] == n[k] { k += 1 }
                        if k == n.count { return true }
                    }
                    start += 1
                }
                return false
            }
        }
    }
}
