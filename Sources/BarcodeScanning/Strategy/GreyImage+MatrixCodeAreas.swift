/// A part of a photo that may hold a DataMatrix (or another matrix code), in pixels.
struct MatrixCodeArea: Sendable, Equatable {
    var x: Int, y: Int, width: Int, height: Int

    /// The outline of a symbol read (``DecodedSymbol/bounds``), in an image `factor` times smaller.
    init(bounds b: (minX: Int, maxX: Int, minY: Int, maxY: Int), reducedBy factor: Int) {
        self = MatrixCodeArea(x: b.minX, y: b.minY, width: b.maxX - b.minX, height: b.maxY - b.minY).reduced(by: factor)
    }

    init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }

    /// The area in an image `factor` times larger.
    func enlarged(by factor: Int) -> MatrixCodeArea {
        MatrixCodeArea(x: x * factor, y: y * factor, width: width * factor, height: height * factor)
    }

    /// The area in an image `factor` times smaller, rounded outwards.
    func reduced(by factor: Int) -> MatrixCodeArea {
        MatrixCodeArea(x: x / factor, y: y / factor, width: width / factor + 2, height: height / factor + 2)
    }

    func overlaps(_ other: MatrixCodeArea) -> Bool {
        x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height
    }

    /// `areas` with every overlapping pair joined into the rectangle around both.
    static func merged(_ areas: [MatrixCodeArea]) -> [MatrixCodeArea] {
        var joined: [MatrixCodeArea] = []
        for area in areas {
            var area = area
            while let i = joined.firstIndex(where: { $0.overlaps(area) }) {
                let other = joined.remove(at: i)
                let left = min(other.x, area.x), top = min(other.y, area.y)
                area = MatrixCodeArea(x: left, y: top, width: max(other.x + other.width, area.x + area.width) - left,
                                      height: max(other.y + other.height, area.y + area.height) - top)
            }
            joined.append(area)
        }
        return joined
    }
}

extension GreyImage {
    /// Parts of the image that look like a matrix code's modules, largest first (at most
    /// `limit`): tiles of 8 × 8 pixels whose brightness changes often along rows and along
    /// columns alike (a linear code's changes run one way only) and which are between a third
    /// and two thirds dark (printed text is mostly paper between thin strokes), joined with
    /// candidate tiles up to two tiles away, each group widened by a third of its size and a
    /// tile on every side. Tiles inside `excluded` (codes already read, in this image's pixels)
    /// are left out.
    ///
    /// ```swift
    /// halfSize.matrixCodeAreas(excluded: [eanOutline]).first   // around the DataMatrix beside the EAN-13
    /// ```
    func matrixCodeAreas(excluded: [MatrixCodeArea] = [], limit: Int = 4) -> [MatrixCodeArea] {
        let tile = 8
        let columns = width / tile, rows = height / tile
        guard columns >= 2, rows >= 2 else { return [] }
        var candidate = [Bool](repeating: false, count: columns * rows)
        let bits = SIMD8<UInt8>(1, 2, 4, 8, 16, 32, 64, 128)
        pixels.withUnsafeBytes { raw in
            for ty in 0..<rows {
                for tx in 0..<columns {
                    // The tile's eight rows as vectors: their darkest and lightest pixels first.
                    let origin = ty * tile * width + tx * tile
                    var low = SIMD8<UInt8>(repeating: 255), high = SIMD8<UInt8>.zero
                    for r in 0..<tile {
                        let v = raw.loadUnaligned(fromByteOffset: origin + r * width, as: SIMD8<UInt8>.self)
                        low = pointwiseMin(low, v); high = pointwiseMax(high, v)
                    }
                    let darkest = Int(low.min()), lightest = Int(high.max())
                    guard lightest - darkest >= Self.matrixMinimumContrast else { continue }
                    let middle = SIMD8<UInt8>(repeating: UInt8((darkest + lightest) / 2))
                    // Each row's dark pixels as the bits of a byte: changes along a row are bits
                    // differing from their neighbour, changes down a column bits differing from
                    // the row above.
                    var dark = 0, alongRows = 0, alongColumns = 0, above: UInt8 = 0
                    for r in 0..<tile {
                        let v = raw.loadUnaligned(fromByteOffset: origin + r * width, as: SIMD8<UInt8>.self)
                        let mask = SIMD8<UInt8>.zero.replacing(with: bits, where: v .< middle).wrappedSum()
                        dark += mask.nonzeroBitCount
                        alongRows += ((mask ^ (mask >> 1)) & 0x7F).nonzeroBitCount
                        if r > 0 { alongColumns += (mask ^ above).nonzeroBitCount }
                        above = mask
                    }
                    let pixels = tile * tile, least = tile * 3 / 2
                    guard dark * 3 >= pixels, dark * 3 <= pixels * 2, alongRows >= least, alongColumns >= least,
                          alongRows <= 3 * alongColumns, alongColumns <= 3 * alongRows else { continue }
                    candidate[ty * columns + tx] = true
                }
            }
        }
        for area in excluded {
            let left = max(0, area.x / tile), right = min(columns - 1, (area.x + area.width) / tile)
            let top = max(0, area.y / tile), bottom = min(rows - 1, (area.y + area.height) / tile)
            guard left <= right, top <= bottom else { continue }
            for ty in top...bottom { for tx in left...right { candidate[ty * columns + tx] = false } }
        }
        // Groups of candidate tiles up to two tiles apart (modules of one colour can leave a tile
        // between), of at least ``matrixMinimumTiles``.
        var seen = [Bool](repeating: false, count: columns * rows)
        var groups: [(tiles: Int, area: MatrixCodeArea)] = []
        var stack: [Int] = []
        for seed in candidate.indices where candidate[seed] && !seen[seed] {
            seen[seed] = true
            stack.append(seed)
            var count = 0, minX = Int.max, minY = Int.max, maxX = Int.min, maxY = Int.min
            while let i = stack.popLast() {
                count += 1
                let x = i % columns, y = i / columns
                minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
                for ny in max(0, y - 2)...min(rows - 1, y + 2) {
                    for nx in max(0, x - 2)...min(columns - 1, x + 2) where candidate[ny * columns + nx] && !seen[ny * columns + nx] {
                        seen[ny * columns + nx] = true
                        stack.append(ny * columns + nx)
                    }
                }
            }
            guard count >= Self.matrixMinimumTiles else { continue }
            // Widened by a third of its size and a tile: the finder's solid edges and the quiet
            // zone are not modules-like, and tiles at the code's edge seldom pass.
            let padX = (maxX - minX + 1) / 3 + 1, padY = (maxY - minY + 1) / 3 + 1
            let left = max(0, (minX - padX) * tile), top = max(0, (minY - padY) * tile)
            let right = min(width, (maxX + 1 + padX) * tile), bottom = min(height, (maxY + 1 + padY) * tile)
            groups.append((count, MatrixCodeArea(x: left, y: top, width: right - left, height: bottom - top)))
        }
        return Array(groups.sorted { $0.tiles > $1.tiles }.prefix(limit).map(\.area))
    }

    /// Least brightness range in a tile for it to hold modules (paper grain stays below).
    static let matrixMinimumContrast = 40
    /// Fewest tiles in an area. With two, the search took a fifth more time on the fixtures (no
    /// DataMatrix in them: the areas lie on printed text) and read no more codes in the hunt of
    /// DataMatrix codes beside EAN-13s.
    static let matrixMinimumTiles = 4
}
