import Foundation

extension BarcodeScanner.SharedWork {
    /// ``focused(_:scale:back:)`` of `filter(source)` (of `source` transposed first,
    /// when `transposed`), made by filtering only the cut and `reach` pixels around it: pixel
    /// for pixel the same, for a fraction of the work when the focus is a small part of the
    /// photo. `reach` must be at least how far the filter looks from a pixel (a 3×3 blur: 1; a
    /// local mean: its radius; several filters: the sum), and a filter whose result depends on
    /// the size of its image (``GreyImage/adaptiveThresholded(offset:radius:)``'s window) must
    /// be given the whole image's. `back` maps the (transposed) image back.
    ///
    /// ```swift
    /// let (sharp, map) = shared.focused(filtering: working, reach: 1) { $0.sharpened() }
    /// // the same pixels and map as shared.focused(working.sharpened())
    /// ```
    func focused(filtering source: GreyImage, scale: Double = 1, transposed: Bool = false, back: PointMap = .identity,
                 reach: Int, _ filter: (GreyImage) -> GreyImage) -> (GreyImage, PointMap) {
        let width = transposed ? source.height : source.width, height = transposed ? source.width : source.height
        let forward = transposed ? PointMap.scale(scale).then(.transpose) : .scale(scale)
        guard let cut = cutRect(width: width, height: height, forward: forward) else {
            return (filter(transposed ? source.transposed() : source), back)
        }
        let around = Self.grown(cut, by: reach, width: width, height: height)
        let part = transposed
            ? source.cropped(x: around.y, y: around.x, width: around.height, height: around.width).transposed()
            : source.cropped(x: around.x, y: around.y, width: around.width, height: around.height)
        return (filter(part).cropped(x: cut.x - around.x, y: cut.y - around.y, width: cut.width, height: cut.height),
                PointMap(tx: Double(cut.x), ty: Double(cut.y)).then(back))
    }

    /// `source` turned by `degrees` (``GreyImage/rotated(degrees:)``), then transposed when
    /// `transposed`, then filtered (see ``focused(filtering:scale:transposed:back:reach:_:)`` for
    /// `reach`), cut to the rectangle around ``focus`` as it lies in the turned image: a turned
    /// pass reads the same lines, the same way, over less of the turned photo. Only the cut and
    /// `reach` pixels around it are turned and filtered: the same pixels as turning it all.
    /// `back` maps `source` back to the working image.
    ///
    /// ```swift
    /// let (upright, map) = shared.focused(turning: working, degrees: 30, back: .identity)
    /// ```
    func focused(turning source: GreyImage, degrees: Double, back sourceBack: PointMap, transposed: Bool = false,
                 reach: Int = 0, _ filter: ((GreyImage) -> GreyImage)? = nil) -> (GreyImage, PointMap) {
        let canvas = GreyImage.rotation(width: source.width, height: source.height, degrees: degrees)
        let turnedBack = canvas.back.then(sourceBack)
        let back = transposed ? PointMap.transpose.then(turnedBack) : turnedBack
        let width = transposed ? canvas.height : canvas.width, height = transposed ? canvas.width : canvas.height
        guard let forward = back.inverse, let cut = cutRect(width: width, height: height, forward: forward) else {
            let turned = source.rotated(degrees: degrees).image
            let upright = transposed ? turned.transposed() : turned
            return (filter?(upright) ?? upright, back)
        }
        let around = Self.grown(cut, by: reach, width: width, height: height)
        var part = transposed
            ? source.rotated(degrees: degrees, part: (around.y, around.x, around.height, around.width)).transposed()
            : source.rotated(degrees: degrees, part: around)
        if let filter { part = filter(part) }
        return (part.cropped(x: cut.x - around.x, y: cut.y - around.y, width: cut.width, height: cut.height),
                PointMap(tx: Double(cut.x), ty: Double(cut.y)).then(back))
    }

    /// ``focused(_:scale:back:)`` of `source` resized to `width` × `height`
    /// (``GreyImage/resized(width:height:)``, `scale` times the working image), resizing only
    /// the cut: the same pixels.
    ///
    /// ```swift
    /// let (enlarged, map) = shared.focused(resizing: working, width: 960, height: 720, scale: 1.5, back: .scale(639.0 / 959))
    /// ```
    func focused(resizing source: GreyImage, width: Int, height: Int, scale: Double, back: PointMap) -> (GreyImage, PointMap) {
        guard let cut = cutRect(width: width, height: height, forward: .scale(scale)) else {
            return (source.resized(width: width, height: height), back)
        }
        return (source.resized(width: width, height: height, part: cut), PointMap(tx: Double(cut.x), ty: Double(cut.y)).then(back))
    }

    /// `rect` grown by `reach` on every side, within a `width` × `height` image.
    static func grown(_ rect: (x: Int, y: Int, width: Int, height: Int), by reach: Int, width: Int, height: Int)
        -> (x: Int, y: Int, width: Int, height: Int) {
        let x0 = max(0, rect.x - reach), y0 = max(0, rect.y - reach)
        let x1 = min(width, rect.x + rect.width + reach), y1 = min(height, rect.y + rect.height + reach)
        return (x0, y0, x1 - x0, y1 - y0)
    }
}
