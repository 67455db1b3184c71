/// The activity indicator shown while a call is in flight: one braille frame per animation tick.
public enum Spinner {
    /// The frames, in order.
    public static let frames: [Character] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

    /// The frame for an animation counter.
    public static func frame(_ counter: Int) -> Character {
        frames[((counter % frames.count) + frames.count) % frames.count]
    }
}
