import Foundation

/// Flags diary text that looks like a prompt-injection attempt (spec §5.8). It never blocks a write: the
/// result is stored as `injectionRisk` and returned with the entry so readers can treat the text with care.
///
/// The text (title + newline + content, capped at 100 256 characters) is normalised first: zero-width and
/// other invisible format characters are removed, compatibility forms folded (NFKC), case folded and
/// whitespace collapsed, so obfuscation does not defeat the patterns. Each threat class has weighted
/// patterns; scores combine as independent probabilities and the text is flagged at 0.7 or above.
public struct InjectionScanner: Sendable {
    /// The threat classes the scanner knows.
    public enum ThreatClass: String, Sendable, CaseIterable {
        case instructionOverride
        case roleManipulation
        case delimiterInjection
        case systemPromptLeak
    }

    /// One pattern's finding.
    public struct Threat: Sendable, Equatable {
        public let threatClass: ThreatClass
        public let weight: Double
    }

    /// The verdict on one text.
    public struct Result: Sendable, Equatable {
        public let threats: [Threat]
        public let score: Double
        public let isRisky: Bool
    }

    /// The score at or above which text is flagged (the reference's moderate preset).
    public static let threshold = 0.7
    /// How much text is scanned.
    public static let maximumCharacters = 100_256

    private struct Pattern: @unchecked Sendable {
        // NSRegularExpression is immutable after creation and documented as thread-safe for matching.
        let threatClass: ThreatClass
        let weight: Double
        let expression: NSRegularExpression
    }

    private let patterns: [Pattern]

    public init() {
        patterns = Self.definitions.map { definition in
            Pattern(
                threatClass: definition.0, weight: definition.1,
                expression: try! NSRegularExpression(pattern: definition.2, options: []))
        }
    }

    /// Scans an entry's title and content.
    public func scan(title: String?, content: String) -> Result {
        let text = title.map { $0.isEmpty ? content : "\($0)\n\(content)" } ?? content
        return scan(text)
    }

    /// Scans arbitrary text.
    public func scan(_ text: String) -> Result {
        let normalised = Self.normalise(String(text.prefix(Self.maximumCharacters)))
        guard !normalised.isEmpty else { return Result(threats: [], score: 0, isRisky: false) }
        let range = NSRange(normalised.startIndex..., in: normalised)
        var threats: [Threat] = []
        for pattern in patterns where pattern.expression.firstMatch(in: normalised, range: range) != nil {
            threats.append(Threat(threatClass: pattern.threatClass, weight: pattern.weight))
        }
        let score = 1 - threats.reduce(1.0) { $0 * (1 - $1.weight) }
        return Result(threats: threats, score: score, isRisky: score >= Self.threshold)
    }

    /// Removes invisible format characters, folds compatibility forms and case, collapses whitespace.
    static func normalise(_ text: String) -> String {
        let visible = String(
            String.UnicodeScalarView(
                text.unicodeScalars.filter { scalar in
                    scalar.properties.generalCategory != .format && scalar.value != 0x034F
                }))
        let folded = visible.precomposedStringWithCompatibilityMapping.lowercased()
        return folded.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    // (class, weight, pattern over normalised text)
    private static let definitions: [(ThreatClass, Double, String)] = [
        (
            .instructionOverride, 0.9,
            #"\b(ignore|skip|bypass)\s+(all\s+|any\s+|the\s+|your\s+|of\s+)*(previous|prior|above|earlier|preceding|former)\s+(instructions?|prompts?|rules|directions|guidelines|commands)"#
        ),
        (
            .instructionOverride, 0.9,
            #"\bdisregard\s+(all\s+|any\s+|the\s+|your\s+)*(system\s+prompt|(previous|prior|above|earlier)\s+(instructions?|prompts?|rules)|instructions|rules|guidelines)"#
        ),
        (
            .instructionOverride, 0.9,
            #"\boverride\s+(all\s+|the\s+|your\s+)*(previous|prior|system|original)\s+(instructions?|prompts?|rules|settings)"#
        ),
        (
            .instructionOverride, 0.9,
            #"\bforget\s+(everything|all|anything)\s+(you\s+(were|have\s+been|'ve\s+been)\s+told|(you\s+)?(know|learned)|above|before|previous)"#
        ),
        (.instructionOverride, 0.8, #"(^|[\s>\]\-*#:.])new\s+instructions?\s*:"#),
        (.roleManipulation, 0.8, #"\byou\s+are\s+now\s+(a|an|the|my|in|no\s+longer|free|unrestricted|dan)\b"#),
        (.roleManipulation, 0.8, #"\bpretend\s+(that\s+)?(you\s+are|you're|to\s+be)\b"#),
        (
            .roleManipulation, 0.75,
            #"(^|[.!?:]\s|\b(you|now|please|must|should|will)\s+)act\s+as\s+(a|an|if|my|the)\b"#
        ),
        (.roleManipulation, 0.85, #"\bdan\s+mode\b|\bdo\s+anything\s+now\b"#),
        (.roleManipulation, 0.8, #"\b(developer|god|jailbreak|unrestricted)\s+mode\b"#),
        (
            .delimiterInjection, 0.5,
            #"<\s*/?\s*(system|assistant|instructions?)\s*>|\[\s*/?\s*(system|inst)\s*\]|<\|\s*(im_start|im_end|system)"#
        ),
        (.delimiterInjection, 0.5, #"(^|\s)#{2,}\s*(system|instructions?)\b"#),
        (
            .systemPromptLeak, 0.85,
            #"\b(reveal|show|print|display|output|repeat|tell\s+me|give\s+me)\s+(me\s+)?(your|the)\s+(system\s+prompt|(initial|original|hidden|secret)\s+(instructions|prompt)|instructions)"#
        ),
        (.systemPromptLeak, 0.8, #"\bwhat\s+(are|were)\s+your\s+(instructions|rules|system\s+prompt|directives)\b"#),
    ]
}
