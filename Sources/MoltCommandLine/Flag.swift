/// One command-line option: its kebab-case name, the environment variable that mirrors it, and its help.
///
/// Flags beat environment variables, which beat `defaultValue`. Boolean flags take no value
/// (`--json`); their environment variable counts as set when it is `1`, `true` or `yes`.
public struct Flag: Sendable, Equatable {
    /// The long name without dashes (`database-url`).
    public let name: String
    /// A one-letter alias (`-h`), if any.
    public let short: Character?
    /// The environment variable read when the flag is absent (`DATABASE_URL`).
    public let environment: String?
    /// The placeholder shown in help (`URL`); nil for a boolean flag.
    public let valueName: String?
    /// The value used when neither the flag nor the environment gives one.
    public let defaultValue: String?
    /// One line of help.
    public let help: String
    /// Whether the flag may be given several times (`--tag a --tag b`).
    public let repeatable: Bool

    /// An option that takes a value.
    public static func option(
        _ name: String, short: Character? = nil, environment: String? = nil, valueName: String = "VALUE",
        defaultValue: String? = nil, repeatable: Bool = false, help: String
    ) -> Flag {
        Flag(
            name: name, short: short, environment: environment, valueName: valueName, defaultValue: defaultValue,
            help: help, repeatable: repeatable)
    }

    /// A boolean switch.
    public static func toggle(_ name: String, short: Character? = nil, environment: String? = nil, help: String)
        -> Flag
    {
        Flag(
            name: name, short: short, environment: environment, valueName: nil, defaultValue: nil, help: help,
            repeatable: false)
    }

    /// Whether the flag takes no value.
    public var isToggle: Bool { valueName == nil }
}
