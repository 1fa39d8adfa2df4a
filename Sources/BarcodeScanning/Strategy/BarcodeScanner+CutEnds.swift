extension BarcodeScanner {
    /// `raws`, read in `derived` (whose points `map` takes to the photo's pixels), without the
    /// reads that end where the derived image was cut out of the photo.
    ///
    /// zbar ends every line at the image's edge as if a quiet zone began there, and a later pass
    /// looks only at the part of the photo around its code-like regions (``SharedWork/focus``).
    /// A cut through bars or texture can so complete a code that is not there: in a photo
    /// enlarged four times, columns that ran into the cut read an Interleaved 2 of 5. A code
    /// inside the focus ends well inside it, and the photo's own edges are kept: a read with a
    /// point on the derived image's border that lies inside the photo, not on its edge, ends at
    /// a cut and is dropped.
    static func withoutCutEnds(_ raws: [RawSymbol], in derived: GreyImage, map: PointMap, photoWidth: Int, photoHeight: Int) -> [RawSymbol] {
        raws.filter { raw in
            !raw.points.contains { point in
                let onBorder = point.x <= 1 || point.y <= 1 || point.x >= Double(derived.width - 2) || point.y >= Double(derived.height - 2)
                guard onBorder else { return false }
                let (x, y) = map.apply(point.x, point.y)
                let margin = 4.0
                return x > margin && y > margin && x < Double(photoWidth) - margin && y < Double(photoHeight) - margin
            }
        }
    }
}
