import Foundation

/// A part of a photo that looks like a linear barcode: many strong, parallel edges.
///
/// Found by ``GreyImage/barcodeRegions(limit:)`` so that the escalation can skip the passes
/// that cannot help: rotations when every code-like region already stands upright or sideways,
/// and the deblurring pass for the orientation no region has.
struct BarcodeRegion: Sendable, Equatable {
    /// Direction across the bars (the direction in which brightness changes), in radians;
    /// 0 means upright bars.
    var angle: Double
    /// How many analysis blocks the region covers (its weight among regions).
    var blocks: Int
    /// The blocks' bounding box in the image, in pixels: left and top inclusive, right and
    /// bottom exclusive.
    var left = 0, top = 0, right = 0, bottom = 0

    /// The tilt of the bars from the nearest of upright and sideways, in radians (0…π/4).
    var tilt: Double {
        let folded = abs(angle).truncatingRemainder(dividingBy: .pi / 2)
        return Swift.min(folded, .pi / 2 - folded)
    }

    /// The region in an image `factor` times larger (the same direction and blocks).
    func enlarged(by factor: Int) -> BarcodeRegion {
        BarcodeRegion(angle: angle, blocks: blocks, left: left * factor, top: top * factor, right: right * factor, bottom: bottom * factor)
    }

    /// The region once the image is turned by `degrees` (as ``GreyImage/rotated(degrees:)``
    /// turns it): the same blocks, its direction turned alike; the box is left as it was.
    func turned(by degrees: Double) -> BarcodeRegion {
        var region = self
        region.angle += degrees * .pi / 180
        return region
    }

    /// True when the bars stand upright (the code is read along rows), within `tolerance`.
    func isUpright(within tolerance: Double) -> Bool { abs(angle) <= tolerance }

    /// True when the bars lie sideways (the code is read along columns), within `tolerance`.
    func isSideways(within tolerance: Double) -> Bool { .pi / 2 - abs(angle) <= tolerance }
}

extension GreyImage {
    /// Regions that look like linear barcodes, largest first (at most `limit`).
    ///
    /// The image is cut into square blocks; in each, the gradient's structure tensor says how
    /// strong the edges are and how well they agree on one direction. Blocks with strong,
    /// agreeing edges are joined with neighbours of about the same direction; groups of enough
    /// blocks, at least three blocks across their common direction and two along it, become
    /// regions with that direction.
    ///
    /// ```swift
    /// image.barcodeRegions().first?.tilt   // 0.52 (30°) for a code turned by 30°
    /// ```
    func barcodeRegions(limit: Int = 3) -> [BarcodeRegion] {
        let block = Swift.max(6, Swift.min(16, Swift.min(width, height) / 48))
        // Blocks start one pixel in: central differences need a neighbour on every side.
        let columns = (width - 2) / block, rows = (height - 2) / block
        guard columns >= 3, rows >= 2 else { return [] }
        var tensors = [SIMD4<Int64>](repeating: .zero, count: columns * rows)  // xx, yy, xy, unused
        pixels.withUnsafeBufferPointer { src in
            for by in 0..<rows {
                // Every row, and central differences (the pixels on both sides): one-sided steps
                // skew the measured direction of thin, sharp bars toward one diagonal.
                for y in (1 + by * block)..<(1 + (by + 1) * block) {
                    let line = src.baseAddress! + y * width
                    for bx in 0..<columns {
                        var xx = 0, yy = 0, xy = 0
                        for x in (1 + bx * block)..<(1 + (bx + 1) * block) {
                            // Scharr's weights (3, 10, 3) over the three rows or columns: the
                            // measured direction of thin bars stays within a degree or two.
                            let up = line - width, down = line + width
                            let gx = (3 * (Int(up[x + 1]) - Int(up[x - 1]) + Int(down[x + 1]) - Int(down[x - 1]))
                                + 10 * (Int(line[x + 1]) - Int(line[x - 1]))) / 16
                            let gy = (3 * (Int(down[x - 1]) - Int(up[x - 1]) + Int(down[x + 1]) - Int(up[x + 1]))
                                + 10 * (Int(down[x]) - Int(up[x]))) / 16
                            xx += gx * gx
                            yy += gy * gy
                            xy += gx * gy
                        }
                        tensors[by * columns + bx] &+= SIMD4(Int64(xx), Int64(yy), Int64(xy), 0)
                    }
                }
            }
        }
        let samples = Double(4 * block * block)   // a central difference spans two steps: 4× the energy
        // Per block: the edge direction (angle of the gradient, doubled to make it sign-free) for
        // blocks with strong and coherent edges; nil for the rest.
        var doubled = [Double?](repeating: nil, count: columns * rows)
        for i in tensors.indices {
            let t = tensors[i]
            let xx = Double(t[0]), yy = Double(t[1]), xy = Double(t[2])
            let energy = xx + yy
            guard energy / samples >= Self.minimumEdgeEnergy else { continue }
            let coherence = ((xx - yy) * (xx - yy) + 4 * xy * xy).squareRoot() / energy
            guard coherence >= Self.minimumCoherence else { continue }
            doubled[i] = atan2(2 * xy, xx - yy)
        }
        // Groups of nearby blocks that agree on the direction (within ~20°).
        var label = [Int](repeating: -1, count: columns * rows)
        var regions: [BarcodeRegion] = []
        var stack: [Int] = []
        for seed in doubled.indices where doubled[seed] != nil && label[seed] < 0 {
            var members: [Int] = []
            var sum = SIMD4<Int64>.zero
            label[seed] = seed
            stack.append(seed)
            while let i = stack.popLast() {
                members.append(i)
                sum &+= tensors[i]
                let x = i % columns, y = i / columns
                // Neighbours up to two blocks away: wide spaces between bars leave blocks without edges.
                for ny in Swift.max(0, y - 2)...Swift.min(rows - 1, y + 2) {
                    for nx in Swift.max(0, x - 2)...Swift.min(columns - 1, x + 2) {
                        let n = ny * columns + nx
                        guard label[n] < 0, let other = doubled[n] else { continue }
                        var difference = abs(other - doubled[i]!)
                        if difference > .pi { difference = 2 * .pi - difference }
                        guard difference <= Self.maximumDirectionChange * 2 else { continue }
                        label[n] = seed
                        stack.append(n)
                    }
                }
            }
            guard members.count >= Self.minimumBlocks else { continue }
            let xx = Double(sum[0]), yy = Double(sum[1]), xy = Double(sum[2])
            guard ((xx - yy) * (xx - yy) + 4 * xy * xy).squareRoot() / (xx + yy) >= Self.minimumCoherence else { continue }
            let angle = atan2(2 * xy, xx - yy) / 2
            let (cosA, sinA) = (cos(angle), sin(angle))
            var across = (low: Double.infinity, high: -Double.infinity), along = across
            var box = (left: Int.max, top: Int.max, right: Int.min, bottom: Int.min)
            for i in members {
                let bx = 1 + (i % columns) * block, by = 1 + (i / columns) * block
                box = (Swift.min(box.left, bx), Swift.min(box.top, by), Swift.max(box.right, bx + block), Swift.max(box.bottom, by + block))
                let cx = 1 + (Double(i % columns) + 0.5) * Double(block), cy = 1 + (Double(i / columns) + 0.5) * Double(block)
                let u = cx * cosA + cy * sinA, v = -cx * sinA + cy * cosA
                across = (Swift.min(across.low, u), Swift.max(across.high, u))
                along = (Swift.min(along.low, v), Swift.max(along.high, v))
            }
            let length = across.high - across.low + Double(block), height = along.high - along.low + Double(block)
            // A barcode is a band of bars at least a few blocks wide; thin lines of edges are text or borders.
            guard length >= Double(3 * block), height >= Double(2 * block) else { continue }
            regions.append(BarcodeRegion(angle: angle, blocks: members.count,
                                         left: box.left, top: box.top, right: box.right, bottom: box.bottom))
        }
        return Array(regions.sorted { $0.blocks > $1.blocks }.prefix(limit))
    }

    /// Mean squared brightness step per pixel for a block to count as edges (paper grain and
    /// sensor noise stay far below; even blurred bars are well above).
    static let minimumEdgeEnergy = 60.0
    /// How strongly a block's edges must agree on one direction (1 = all parallel).
    static let minimumCoherence = 0.55
    /// Largest change of direction between neighbouring blocks of one region, in radians.
    static let maximumDirectionChange = 0.35
    /// Fewest blocks in a region.
    static let minimumBlocks = 6
}
