import Foundation

/// A `.safetensors` file, memory-mapped: an 8-byte little-endian header length, a JSON header naming each
/// tensor's dtype, shape and byte range, then the raw little-endian data.
///
/// Tensors are copied out as `Float` (the data is not guaranteed to be aligned); only F32 is supported,
/// other dtypes (such as the I64 `position_ids` some checkpoints carry) are listed but not readable.
struct SafeTensorsFile {
    struct Entry {
        let dtype: String
        let shape: [Int]
        let range: Range<Int>
    }

    let url: URL
    let entries: [String: Entry]
    private let data: Data
    private let dataStart: Int

    init(url: URL) throws(EmbeddingError) {
        self.url = url
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw EmbeddingError(.modelMissing, path: url.path, "model.safetensors is missing")
        }
        guard let data = try? Data(contentsOf: url, options: .alwaysMapped), data.count >= 8 else {
            throw EmbeddingError(.malformedFile, path: url.path, "cannot be read")
        }
        let headerLength = data.prefix(8).reversed().reduce(0) { $0 << 8 | Int($1) }
        guard headerLength > 0, headerLength <= data.count - 8,
            let header = try? JSONSerialization.jsonObject(with: data.subdata(in: 8..<(8 + headerLength)))
                as? [String: Any]
        else {
            throw EmbeddingError(.malformedFile, path: url.path, "the safetensors header is not valid JSON")
        }
        self.data = data
        dataStart = 8 + headerLength
        var entries: [String: Entry] = [:]
        for (name, value) in header where name != "__metadata__" {
            guard let info = value as? [String: Any], let dtype = info["dtype"] as? String,
                let shape = info["shape"] as? [Int], let offsets = info["data_offsets"] as? [Int], offsets.count == 2,
                offsets[0] <= offsets[1], dataStart + offsets[1] <= data.count
            else {
                throw EmbeddingError(.malformedFile, path: url.path, "the header entry of \(name) is invalid")
            }
            entries[name] = Entry(dtype: dtype, shape: shape, range: offsets[0]..<offsets[1])
        }
        self.entries = entries
    }

    /// The values of the F32 tensor `name`, checking that its shape is `shape`.
    func floats(_ name: String, shape: [Int]) throws(EmbeddingError) -> [Float] {
        guard let entry = entries[name] else {
            throw EmbeddingError(.malformedFile, path: url.path, "the tensor \(name) is missing")
        }
        guard entry.dtype == "F32" else {
            throw EmbeddingError(.unsupportedModel, path: url.path, "\(name) is \(entry.dtype); only F32 is supported")
        }
        guard entry.shape == shape, entry.range.count == shape.reduce(4, *) else {
            throw EmbeddingError(.malformedFile, path: url.path, "\(name) has shape \(entry.shape), expected \(shape)")
        }
        let count = entry.range.count / 4
        let start = dataStart + entry.range.lowerBound
        // safetensors data is little-endian, like every platform this package builds for.
        return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            data.withUnsafeBytes { raw in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(
                    from: UnsafeRawBufferPointer(rebasing: raw[start..<(start + count * 4)]))
            }
            initialized = count
        }
    }
}
