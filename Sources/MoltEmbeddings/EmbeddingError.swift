/// Why an embedding model could not be loaded.
///
/// Embedding itself cannot fail once a model is loaded; every error comes from reading the model folder.
public struct EmbeddingError: Error, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: Equatable, Sendable {
        /// The model folder, or a file the model needs inside it, does not exist.
        case modelMissing
        /// A model file exists but cannot be read or parsed.
        case malformedFile
        /// The model uses something this encoder does not implement (an activation, a tensor type).
        case unsupportedModel
    }

    /// What went wrong.
    public let code: Code
    /// The file or folder concerned.
    public let path: String
    /// A sentence saying what is wrong with it.
    public let reason: String

    init(_ code: Code, path: String, _ reason: String) {
        self.code = code
        self.path = path
        self.reason = reason
    }

    public var description: String {
        switch code {
        case .modelMissing:
            "embedding model not found: \(reason) (\(path)); run scripts/models.sh install "
                + "or point MOLTNET_EMBEDDING_MODEL_DIR at a model folder"
        case .malformedFile:
            "embedding model file is malformed: \(reason) (\(path))"
        case .unsupportedModel:
            "embedding model is not supported: \(reason) (\(path))"
        }
    }
}
