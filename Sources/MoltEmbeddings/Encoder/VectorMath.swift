/// Eight-lane float math for the parts of the encoder BLAS does not do: exp for softmax, erf for GELU.
///
/// Both are branch-free so that they vectorise: `exp` is Cephes' `expf` (range reduction by ln 2 and a
/// degree-6 polynomial, within 2 ulp), `erf` is Abramowitz and Stegun 7.1.26 (absolute error below 1.5e-7),
/// built on that `exp`.
enum VectorMath {
    typealias Lanes = SIMD8<Float>

    /// 1.5 * 2^23: adding and subtracting it rounds a float to the nearest integer, and the sum's low
    /// mantissa bits hold that integer.
    private static let roundingMagic: Float = 12_582_912

    /// e^x, lane by lane; inputs below -87.3 give about 1e-38, above 88.3 about 2e38.
    @inline(__always)
    static func exp(_ input: Lanes) -> Lanes {
        let x = maximum(minimum(input, 88.3), -87.3)
        let shifted = x * 1.442_695_04 + roundingMagic
        let n = shifted - roundingMagic
        let r = x - n * 0.693_359_375 + n * 2.121_944_4e-4
        var p = Lanes(repeating: 1.987_569_15e-4)
        p = p * r + 1.398_199_950_7e-3
        p = p * r + 8.333_451_907_3e-3
        p = p * r + 4.166_579_589_4e-2
        p = p * r + 1.666_666_545_9e-1
        p = p * r + 5.000_000_120_1e-1
        let polynomial = p * (r * r) + r + 1
        let integer =
            unsafeBitCast(shifted, to: SIMD8<Int32>.self)
            &- unsafeBitCast(
                Lanes(repeating: roundingMagic), to: SIMD8<Int32>.self)
        let scale = unsafeBitCast((integer &+ 127) &<< 23, to: Lanes.self)
        return polynomial * scale
    }

    /// erf(x), lane by lane.
    @inline(__always)
    static func erf(_ x: Lanes) -> Lanes {
        let bits = unsafeBitCast(x, to: SIMD8<UInt32>.self)
        let sign = bits & 0x8000_0000
        let magnitude = unsafeBitCast(bits & 0x7FFF_FFFF, to: Lanes.self)
        let t = 1 / (magnitude * 0.327_591_1 + 1)
        var p = Lanes(repeating: 1.061_405_429)
        p = p * t - 1.453_152_027
        p = p * t + 1.421_413_741
        p = p * t - 0.284_496_736
        p = p * t + 0.254_829_592
        let y = 1 - p * t * exp(-(magnitude * magnitude))
        return unsafeBitCast(unsafeBitCast(y, to: SIMD8<UInt32>.self) | sign, to: Lanes.self)
    }

    /// The lane-wise smaller of `a` and `limit` (the standard library's `pointwiseMin` is not inlined).
    @inline(__always)
    static func minimum(_ a: Lanes, _ limit: Float) -> Lanes {
        a.replacing(with: limit, where: a .> limit)
    }

    /// The lane-wise larger of `a` and `limit`.
    @inline(__always)
    static func maximum(_ a: Lanes, _ limit: Float) -> Lanes {
        a.replacing(with: limit, where: a .< limit)
    }

    /// The lane-wise larger of `a` and `b`.
    @inline(__always)
    static func maximum(_ a: Lanes, _ b: Lanes) -> Lanes {
        a.replacing(with: b, where: a .< b)
    }

    /// erf(x) for one value, through the eight-lane version (for the tails of rows).
    static func erf(_ x: Float) -> Float { erf(Lanes(repeating: x))[0] }

    /// e^x for one value, through the eight-lane version (for the tails of rows).
    static func exp(_ x: Float) -> Float { exp(Lanes(repeating: x))[0] }
}
