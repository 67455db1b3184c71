/// The element-wise steps of the encoder, on raw row-major buffers: layer norm, GELU, softmax, bias rows.
///
/// Eight lanes at a time with scalar tails; every loop reads and writes through unaligned SIMD loads and
/// stores, so rows of any width work.
enum EncoderKernels {
    typealias Lanes = SIMD8<Float>

    @inline(__always)
    static func load(_ pointer: UnsafePointer<Float>) -> Lanes {
        UnsafeRawPointer(pointer).loadUnaligned(as: Lanes.self)
    }

    @inline(__always)
    static func store(_ value: Lanes, _ pointer: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: Lanes.self)
    }

    /// Every one of `rows` rows of `output` (width `width`) set to `bias`.
    static func fillRows(_ output: UnsafeMutablePointer<Float>, rows: Int, width: Int, with bias: UnsafePointer<Float>)
    {
        for row in 0..<rows {
            (output + row * width).update(from: bias, count: width)
        }
    }

    /// `output[row] = input[row] + bias` for every row: the residual plus the bias, ready for a GEMM with beta 1.
    static func addRows(
        _ input: UnsafePointer<Float>, bias: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>,
        rows: Int, width: Int
    ) {
        for row in 0..<rows {
            let source = input + row * width
            let target = output + row * width
            var column = 0
            while column + 8 <= width {
                store(load(source + column) + load(bias + column), target + column)
                column += 8
            }
            while column < width {
                target[column] = source[column] + bias[column]
                column += 1
            }
        }
    }

    /// Layer norm of each row of `input`, written to `output` (which may be `input`):
    /// `(x - mean) / sqrt(variance + epsilon) * scale + shift`, with the biased variance.
    static func layerNorm(
        _ input: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>, rows: Int, width: Int,
        scale: UnsafePointer<Float>, shift: UnsafePointer<Float>, epsilon: Float
    ) {
        for row in 0..<rows {
            let source = input + row * width
            let target = output + row * width
            var sum = Lanes()
            var column = 0
            while column + 8 <= width {
                sum += load(source + column)
                column += 8
            }
            var total = sum.sum()
            while column < width {
                total += source[column]
                column += 1
            }
            let mean = total / Float(width)
            var squares = Lanes()
            column = 0
            while column + 8 <= width {
                let centered = load(source + column) - mean
                squares += centered * centered
                column += 8
            }
            var squareTotal = squares.sum()
            while column < width {
                let centered = source[column] - mean
                squareTotal += centered * centered
                column += 1
            }
            let inverse = 1 / (squareTotal / Float(width) + epsilon).squareRoot()
            column = 0
            while column + 8 <= width {
                let normalized = (load(source + column) - mean) * inverse
                store(normalized * load(scale + column) + load(shift + column), target + column)
                column += 8
            }
            while column < width {
                target[column] = (source[column] - mean) * inverse * scale[column] + shift[column]
                column += 1
            }
        }
    }

    /// GELU in place, the exact form: `x * (1 + erf(x / sqrt 2)) / 2`.
    static func gelu(_ values: UnsafeMutablePointer<Float>, count: Int) {
        let inverseRoot2: Float = 0.707_106_781_186_547_5
        var index = 0
        while index + 8 <= count {
            let x = load(values + index)
            store(x * 0.5 * (1 + VectorMath.erf(x * inverseRoot2)), values + index)
            index += 8
        }
        while index < count {
            let x = values[index]
            values[index] = x * 0.5 * (1 + VectorMath.erf(x * inverseRoot2))
            index += 1
        }
    }

    /// Softmax of each of `rows` rows of `width` values, in place (rows `stride` floats apart).
    static func softmax(_ values: UnsafeMutablePointer<Float>, rows: Int, width: Int, stride: Int) {
        for row in 0..<rows {
            let line = values + row * stride
            var maxima = Lanes(repeating: -.infinity)
            var column = 0
            while column + 8 <= width {
                maxima = VectorMath.maximum(maxima, load(line + column))
                column += 8
            }
            var maximum = maxima.max()
            while column < width {
                maximum = max(maximum, line[column])
                column += 1
            }
            var sums = Lanes()
            column = 0
            while column + 8 <= width {
                let e = VectorMath.exp(load(line + column) - maximum)
                store(e, line + column)
                sums += e
                column += 8
            }
            var sum = sums.sum()
            while column < width {
                let e = VectorMath.exp(line[column] - maximum)
                line[column] = e
                sum += e
                column += 1
            }
            let inverse = 1 / sum
            column = 0
            while column + 8 <= width {
                store(load(line + column) * inverse, line + column)
                column += 8
            }
            while column < width {
                line[column] *= inverse
                column += 1
            }
        }
    }
}
