/// The result of parsing a command line against a list of flags: values by flag name, and positionals.
public struct ParsedArguments: Sendable, Equatable {
    /// Values given on the command line, by flag name, in order of appearance.
    public private(set) var values: [String: [String]] = [:]
    /// Arguments that are not flags, in order.
    public private(set) var positionals: [String] = []
    let flags: [Flag]
    let environment: [String: String]

    /// Parses `arguments` (without the program name). `--` ends flag parsing.
    public init(_ arguments: [String], flags: [Flag], environment: [String: String]) throws(ValidationError) {
        self.flags = flags
        self.environment = environment
        var index = 0
        var onlyPositionals = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositionals || !argument.hasPrefix("-") || argument == "-" {
                positionals.append(argument)
                continue
            }
            if argument == "--" {
                onlyPositionals = true
                continue
            }
            let (flag, inlineValue) = try Self.lookup(argument, in: flags)
            if flag.isToggle {
                guard inlineValue == nil else { throw ValidationError("--\(flag.name) takes no value") }
                values[flag.name, default: []].append("true")
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else {
                guard index < arguments.count else { throw ValidationError("--\(flag.name) needs a value") }
                value = arguments[index]
                index += 1
            }
            if !flag.repeatable, values[flag.name] != nil {
                throw ValidationError("--\(flag.name) was given more than once")
            }
            values[flag.name, default: []].append(value)
        }
    }

    private static func lookup(_ argument: String, in flags: [Flag]) throws(ValidationError) -> (Flag, String?) {
        if argument.hasPrefix("--") {
            let body = argument.dropFirst(2)
            let name = body.split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
            let inline = body.contains("=") ? String(body.drop { $0 != "=" }.dropFirst()) : nil
            guard let flag = flags.first(where: { $0.name == name }) else {
                throw ValidationError("unknown option --\(name)")
            }
            return (flag, inline)
        }
        let letter = argument.dropFirst()
        guard letter.count == 1, let flag = flags.first(where: { $0.short == letter.first }) else {
            throw ValidationError("unknown option \(argument)")
        }
        return (flag, nil)
    }

    /// The value of a flag: the command line, then its environment variable, then its default.
    public func value(_ name: String) -> String? {
        if let given = values[name]?.last { return given }
        guard let flag = flags.first(where: { $0.name == name }) else { return nil }
        if let variable = flag.environment, let fromEnvironment = environment[variable], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return flag.defaultValue
    }

    /// Every value of a repeatable flag (command line only).
    public func allValues(_ name: String) -> [String] {
        values[name] ?? []
    }

    /// Whether a boolean flag is on (on the command line or through its environment variable).
    public func isSet(_ name: String) -> Bool {
        if values[name] != nil { return true }
        guard let variable = flags.first(where: { $0.name == name })?.environment,
            let raw = environment[variable]?.lowercased()
        else { return false }
        return ["1", "true", "yes", "on"].contains(raw)
    }

    /// A required value, or a usage error naming the flag and its environment variable.
    public func require(_ name: String) throws(ValidationError) -> String {
        guard let value = value(name) else {
            let variable = flags.first { $0.name == name }?.environment.map { " (or \($0))" } ?? ""
            throw ValidationError("missing --\(name)\(variable)")
        }
        return value
    }

    /// An integer value within `range`, or a usage error.
    public func integer(_ name: String, in range: ClosedRange<Int>) throws(ValidationError) -> Int? {
        guard let text = value(name) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            throw ValidationError("--\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }
}
