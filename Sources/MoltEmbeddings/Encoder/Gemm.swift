import COpenBLAS

/// Row-major single-precision matrix product through OpenBLAS: `c = alpha * a * op(b) + beta * c`, where
/// `a` is `[m, k]`, `op(b)` is `[k, n]` (`b` stored as `[n, k]` when `transposeB`), and `c` is `[m, n]`.
/// Leading dimensions let the operands be column slices of wider matrices (one attention head of Q/K/V).
@inline(__always)
func gemm(
    m: Int, n: Int, k: Int, alpha: Float = 1,
    a: UnsafePointer<Float>, lda: Int,
    b: UnsafePointer<Float>, ldb: Int, transposeB: Bool,
    beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
) {
    cblas_sgemm(
        CblasRowMajor, CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
        blasint(m), blasint(n), blasint(k), alpha, a, blasint(lda), b, blasint(ldb), beta, c, blasint(ldc))
}
