/// A heap block of `Float`s, 64-byte aligned for the BLAS kernels.
///
/// Weights are written once while a model loads and only read afterwards, which is what makes sharing them
/// between threads safe (`@unchecked Sendable`); scratch buffers belong to one ``EncoderWorkspace`` at a time.
final class FloatBuffer: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Float>
    let count: Int

    /// A zero-filled buffer of `count` floats.
    init(count: Int) {
        self.count = count
        let raw = UnsafeMutableRawPointer.allocate(byteCount: max(count, 1) * 4, alignment: 64)
        pointer = raw.initializeMemory(as: Float.self, repeating: 0, count: max(count, 1))
    }

    /// A buffer holding `values`.
    convenience init(_ values: [Float]) {
        self.init(count: values.count)
        values.withUnsafeBufferPointer { pointer.update(from: $0.baseAddress!, count: values.count) }
    }

    /// A buffer holding the transpose of the row-major `rows` x `columns` matrix `values`.
    convenience init(transposing values: [Float], rows: Int, columns: Int) {
        precondition(values.count == rows * columns, "matrix size mismatch")
        self.init(count: values.count)
        for row in 0..<rows {
            for column in 0..<columns {
                pointer[column * rows + row] = values[row * columns + column]
            }
        }
    }

    /// A buffer holding `parts` one after the other.
    convenience init(concatenating parts: [[Float]]) {
        self.init(parts.flatMap { $0 })
    }

    deinit {
        pointer.deallocate()
    }

    /// The contents as an array (for tests).
    var values: [Float] { Array(UnsafeBufferPointer(start: pointer, count: count)) }
}
