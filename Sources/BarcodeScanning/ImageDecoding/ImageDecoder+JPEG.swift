import CTurboJPEG

extension ImageDecoder {
    /// JPEG through libjpeg-turbo, decoded straight to grey. Photos above
    /// ``ImageDecodingOptions/workingPixels`` are decoded with the largest DCT scaling factor
    /// that brings them under it. A truncated JPEG still yields the rows decoded so far.
    func decodeJPEG(_ buffer: UnsafeRawBufferPointer, source: String) throws(ScanError) -> DecodedImage {
        guard let handle = tjInitDecompress() else {
            throw ScanError(.corruptImage, "\(source): libjpeg-turbo could not start", cause: String(cString: tjGetErrorStr2(nil)))
        }
        defer { tjDestroy(handle) }
        let base = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
        let size = UInt(buffer.count)
        var width: Int32 = 0, height: Int32 = 0, subsampling: Int32 = 0, colorspace: Int32 = 0
        if tjDecompressHeader3(handle, base, size, &width, &height, &subsampling, &colorspace) != 0 {
            throw corrupt(.jpeg, source, cause: String(cString: tjGetErrorStr2(handle)))
        }
        try checkSize(width: Int(width), height: Int(height), format: .jpeg, source: source)

        // Pick the largest scale (closest to 1) whose output fits the working size.
        var factorCount: Int32 = 0
        var scaledW = Int(width), scaledH = Int(height)
        if scaledW * scaledH > options.workingPixels, let factors = tjGetScalingFactors(&factorCount) {
            var best: (w: Int, h: Int)? = nil
            for i in 0..<Int(factorCount) {
                let f = factors[i]
                guard f.num < f.denom else { continue }
                let w = (Int(width) * Int(f.num) + Int(f.denom) - 1) / Int(f.denom)
                let h = (Int(height) * Int(f.num) + Int(f.denom) - 1) / Int(f.denom)
                if w * h <= options.workingPixels, w * h > (best.map { $0.w * $0.h } ?? 0) { best = (w, h) }
            }
            if let best { (scaledW, scaledH) = best } else { (scaledW, scaledH) = ((Int(width) + 7) / 8, (Int(height) + 7) / 8) }
        }

        let isCMYK = colorspace == Int32(TJCS_CMYK.rawValue) || colorspace == Int32(TJCS_YCCK.rawValue)
        let channels = isCMYK ? 4 : 1
        var out = [UInt8](repeating: 255, count: scaledW * scaledH * channels)
        var warning: String?
        let status = out.withUnsafeMutableBufferPointer { dst in
            tjDecompress2(handle, base, size, dst.baseAddress, Int32(scaledW), 0, Int32(scaledH),
                          Int32(isCMYK ? TJPF_CMYK.rawValue : TJPF_GRAY.rawValue), 0)
        }
        if status != 0 {
            let message = String(cString: tjGetErrorStr2(handle))
            if tjGetErrorCode(handle) == Int32(TJERR_WARNING.rawValue) {
                warning = message
            } else {
                throw corrupt(.jpeg, source, cause: message)
            }
        }
        if isCMYK { out = Self.greyFromAdobeCMYK(out) }
        return DecodedImage(image: GreyImage(width: scaledW, height: scaledH, pixels: out), format: .jpeg,
                            originalWidth: Int(width), originalHeight: Int(height), warning: warning)
    }

    /// Adobe CMYK JPEGs store inverted ink values: each channel times K gives RGB.
    static func greyFromAdobeCMYK(_ cmyk: [UInt8]) -> [UInt8] {
        var grey = [UInt8](repeating: 0, count: cmyk.count / 4)
        for i in 0..<grey.count {
            let k = Int(cmyk[4 * i + 3])
            grey[i] = luma(UInt8(Int(cmyk[4 * i]) * k / 255), UInt8(Int(cmyk[4 * i + 1]) * k / 255),
                           UInt8(Int(cmyk[4 * i + 2]) * k / 255))
        }
        return grey
    }
}
