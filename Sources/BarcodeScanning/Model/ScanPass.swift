/// One attempt of the scan strategy: an image derived from the decoded photo, scanned by zbar.
/// Pass names appear in results (`pass`) so users can see how hard a code was to read.
public enum ScanPass: String, Sendable, CaseIterable {
    /// The decoded image as it is (reduced to about 3 megapixels when larger): every third row
    /// and column through our own edge finder, which feeds zbar's bar-width decoders, for the
    /// symbologies that carry GS1 keys (EAN/UPC, GS1-128, DataBar, ITF-14); zbar's image scanner
    /// looks for QR codes only around the finder patterns those lines crossed. With `--fast`,
    /// the only pass.
    case direct
    /// Every row and column of the area around the QR finder patterns that `direct` crossed,
    /// for QR codes only: when `direct` found such patterns but nothing it trusts.
    case qrFinderArea = "qr-finder-area"
    /// The same image with every row and column scanned and every symbology zbar reads
    /// (Code 39, Code 93, Codabar and SQ Code only here; the later passes look for GS1 carriers).
    case dense
    /// Turned by the measured direction of the bars, when the photo's largest code-like region
    /// is tilted (more than 12° from upright and sideways): right after `dense`.
    case straightened
    /// The full decoded resolution, when `direct` used a reduced copy (small codes in big photos).
    case fullResolution = "full-resolution"
    /// Half size: averages away noise and JPEG artefacts in high-resolution photos.
    case halfSize = "half-size"
    /// One and a half times the size.
    case enlarged = "enlarged-1.5"
    /// Twice the size: small codes whose bars are only a pixel or two wide.
    case doubleSize = "double-size"
    /// QR and DataMatrix codes read by zxing-cpp, the second decoder (zbar has no DataMatrix,
    /// and misses QR codes with damaged finder patterns or low contrast), up to eight in a photo.
    case matrixCodes = "matrix-codes"
    /// Unsharp mask for slightly blurred bars.
    case sharpened
    /// Contrast stretched between the 1st and 99th percentiles (faded print, dim light).
    case contrastStretched = "contrast-stretched"
    /// Local-mean threshold (shadows, glare, uneven light).
    case adaptiveThreshold = "adaptive-threshold"
    /// Fixed rotations: zbar only scans rows and columns, so tilted codes need turning. Run only
    /// for a tilted code-like region that ``straightened`` leaves tilted (a second code at
    /// another angle), for a strip too thin to show regions, or with `--exhaustive`.
    case rotated45 = "rotated-45"
    case rotated22 = "rotated-22.5"
    case rotated67 = "rotated-67.5"
    /// Light bars on a dark background.
    case inverted
    /// ``matrixCodes`` on the inverted image: light-on-dark QR and DataMatrix codes.
    case invertedMatrixCodes = "inverted-matrix-codes"
    /// Rotations of the doubled image, for small tilted codes.
    case doubleSizeRotated45 = "double-size-rotated-45"
    /// A strip only a few pixels high or wide: rows repeated and widened.
    case thinStrip = "thin-strip"
    /// Double size, smoothed along the bars, sharpened across them, thresholded (blurred photos).
    case deblurred
    /// ``deblurred`` for codes printed sideways. Each of the two runs only when a code-like
    /// region has that orientation, or when the photo shows no such region.
    case deblurredSideways = "deblurred-sideways"
    /// ``deblurred`` after ``straightened``: blurred tilted codes.
    case straightenedDeblurred = "straightened-deblurred"
    /// EAN-13 and UPC-A codes too blurred for zbar, read by ``BlurredProductCodeReader``: a
    /// model of the blurred bars fitted to averaged brightness along the rows (not zbar), on
    /// the part of the photo around its code-like regions, as the zbar passes.
    case blurModel = "blur-model"
    /// ``blurModel`` for codes printed sideways (read along columns).
    case blurModelSideways = "blur-model-sideways"
    /// ``blurModel`` after ``straightened``: blurred tilted codes.
    case straightenedBlurModel = "straightened-blur-model"
    /// zxing-cpp's DataMatrix and QR readers on a quarter-size copy and on the parts of the
    /// photo that look like a matrix code's modules: early in the escalation when nothing is
    /// read yet (a code photographed alone ends the scan there when no other bars show), and
    /// after it otherwise (the GS1 DataMatrix of a medicine box, or a pack's QR code, beside
    /// the EAN-13 that ended the escalation).
    case matrixCodeSearch = "matrix-code-search"
    /// The escalation's last pass, when nothing else was read: zxing-cpp's linear readers (EAN/UPC, GS1-128,
    /// DataBar, ITF-14) on the whole photo, turned and inverted.
    case secondDecoder = "second-decoder"

    /// True for the passes of the blur model (``BlurredProductCodeReader``), which fits the
    /// bars' brightness instead of finding edges.
    public var isBlurModel: Bool { self == .blurModel || self == .blurModelSideways || self == .straightenedBlurModel }
}
