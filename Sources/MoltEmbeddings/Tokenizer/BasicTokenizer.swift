import Foundation

/// BERT's normaliser and pre-tokeniser: cleans the text, isolates CJK ideographs, strips accents,
/// lower-cases, then splits on whitespace and around every punctuation character.
///
/// It follows Hugging Face tokenizers' `BertNormalizer` and `BertPreTokenizer` step by step, on Unicode
/// scalars (not grapheme clusters), in the same order: clean, CJK, accents (NFD + drop Mn), lowercase.
struct BasicTokenizer: Sendable {
    let configuration: TokenizerConfiguration

    /// The words of `text`, each an array of Unicode scalars.
    func words(_ text: String) -> [[Unicode.Scalar]] {
        var words: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        for scalar in normalized(text) {
            if scalar.isBertWhitespace {
                if !current.isEmpty { words.append(current) }
                current.removeAll(keepingCapacity: true)
            } else if scalar.isBertPunctuation {
                if !current.isEmpty { words.append(current) }
                current.removeAll(keepingCapacity: true)
                words.append([scalar])
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// The normalised scalars of `text`.
    func normalized(_ text: String) -> [Unicode.Scalar] {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count)
        var isASCII = true
        for scalar in text.unicodeScalars {
            if configuration.cleanText {
                if scalar.isBertRemovable { continue }
                if scalar.isBertWhitespace {
                    scalars.append(" ")
                    continue
                }
            }
            if configuration.splitCJKIdeographs && scalar.isCJKIdeograph {
                scalars.append(contentsOf: [" ", scalar, " "])
            } else {
                scalars.append(scalar)
            }
            isASCII = isASCII && scalar.isASCII
        }
        if configuration.stripAccents && !isASCII {
            scalars = Self.strippingAccents(scalars)
        }
        if configuration.lowercase {
            scalars = Self.lowercased(scalars)
        }
        return scalars
    }

    /// Canonical decomposition (NFD) with every nonspacing mark removed.
    private static func strippingAccents(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars)
        let decomposed = String(text).decomposedStringWithCanonicalMapping
        return decomposed.unicodeScalars.filter { !$0.isNonspacingMark }
    }

    /// Each scalar replaced by its full lower-case mapping (`İ` becomes `i` + U+0307, `Σ` always `σ`).
    private static func lowercased(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(scalars.count)
        for scalar in scalars {
            if scalar.isASCII {
                let value = scalar.value
                result.append((65...90).contains(value) ? Unicode.Scalar(UInt8(value + 32)) : scalar)
            } else if scalar.properties.changesWhenLowercased {
                result.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return result
    }
}
