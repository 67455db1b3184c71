import Foundation

/// A deliberately plain BERT forward pass in Double, one sequence at a time, straight from the definitions
/// (transformers' BertModel, then mean pooling and L2 normalisation): the yardstick for the BLAS encoder on
/// the tiny model.
struct ReferenceBert {
    let model: TinyBertModel

    func embed(_ ids: [Int32]) -> [Float] {
        let count = ids.count
        let width = model.hidden
        let word = model.tensor("embeddings.word_embeddings.weight")
        let position = model.tensor("embeddings.position_embeddings.weight")
        let type = model.tensor("embeddings.token_type_embeddings.weight")
        var x = (0..<count).map { t in
            (0..<width).map { c in
                Double(word[Int(ids[t]) * width + c]) + Double(type[c]) + Double(position[t * width + c])
            }
        }
        x = x.map { layerNorm($0, "embeddings.LayerNorm") }
        for layer in 0..<model.layers {
            let base = "encoder.layer.\(layer)."
            let q = x.map { linear($0, base + "attention.self.query") }
            let k = x.map { linear($0, base + "attention.self.key") }
            let v = x.map { linear($0, base + "attention.self.value") }
            let size = width / model.heads
            var context = Array(repeating: Array(repeating: 0.0, count: width), count: count)
            for head in 0..<model.heads {
                let columns = (head * size)..<((head + 1) * size)
                for i in 0..<count {
                    let scores = (0..<count).map { j in
                        columns.reduce(0.0) { $0 + q[i][$1] * k[j][$1] } / Double(size).squareRoot()
                    }
                    let top = scores.max()!
                    let weights = scores.map { Foundation.exp($0 - top) }
                    let total = weights.reduce(0, +)
                    for c in columns {
                        context[i][c] = (0..<count).reduce(0.0) { $0 + weights[$1] / total * v[$1][c] }
                    }
                }
            }
            x = (0..<count).map { t in
                let projected = linear(context[t], base + "attention.output.dense")
                return layerNorm(zip(projected, x[t]).map { $0 + $1 }, base + "attention.output.LayerNorm")
            }
            x = x.map { row in
                let inner = linear(row, base + "intermediate.dense").map {
                    $0 * 0.5 * (1 + Foundation.erf($0 / 2.0.squareRoot()))
                }
                let projected = linear(inner, base + "output.dense")
                return layerNorm(zip(projected, row).map { $0 + $1 }, base + "output.LayerNorm")
            }
        }
        let mean = (0..<width).map { c in x.reduce(0.0) { $0 + $1[c] } / Double(count) }
        let length = mean.reduce(0.0) { $0 + $1 * $1 }.squareRoot()
        return mean.map { Float($0 / length) }
    }

    private func linear(_ input: [Double], _ name: String) -> [Double] {
        let weight = model.tensor(name + ".weight")
        let bias = model.tensor(name + ".bias")
        return bias.indices.map { o in
            input.indices.reduce(Double(bias[o])) { $0 + Double(weight[o * input.count + $1]) * input[$1] }
        }
    }

    private func layerNorm(_ input: [Double], _ name: String) -> [Double] {
        let scale = model.tensor(name + ".weight")
        let shift = model.tensor(name + ".bias")
        let mean = input.reduce(0, +) / Double(input.count)
        let variance = input.reduce(0.0) { $0 + ($1 - mean) * ($1 - mean) } / Double(input.count)
        return input.indices.map {
            (input[$0] - mean) / (variance + 1e-12).squareRoot() * Double(scale[$0]) + Double(shift[$0])
        }
    }
}
