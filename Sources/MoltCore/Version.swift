/// The version every MoltNet executable reports.
public enum MoltVersion {
    public static let current = "0.1.0"
}
