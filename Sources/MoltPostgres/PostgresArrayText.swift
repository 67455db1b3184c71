/// PostgreSQL's array literal format (`{a,"b c",NULL}`): writing and reading one-dimensional arrays.
enum PostgresArrayText {
    /// Formats elements as an array literal, quoting every element so commas, braces and spaces are safe.
    static func format(_ elements: [String?]) -> String {
        var text = "{"
        for (index, element) in elements.enumerated() {
            if index > 0 { text += "," }
            guard let element else {
                text += "NULL"
                continue
            }
            text += "\""
            for char in element {
                if char == "\"" || char == "\\" { text += "\\" }
                text.append(char)
            }
            text += "\""
        }
        return text + "}"
    }

    /// Parses a one-dimensional array literal; nil when the text is not one.
    static func parse(_ text: String) -> [String?]? {
        let chars = Array(text)
        guard chars.first == "{", chars.last == "}" else { return nil }
        var elements: [String?] = []
        var index = 1
        let end = chars.count - 1
        if index == end { return [] }
        while index <= end {
            var element = ""
            var quoted = false
            if chars[index] == "\"" {
                quoted = true
                index += 1
                while index < end, chars[index] != "\"" {
                    if chars[index] == "\\" { index += 1 }
                    guard index < end else { return nil }
                    element.append(chars[index])
                    index += 1
                }
                index += 1
            } else {
                while index < end, chars[index] != "," {
                    element.append(chars[index])
                    index += 1
                }
            }
            elements.append(!quoted && element == "NULL" ? nil : element)
            guard index == end || chars[index] == "," else { return nil }
            index += 1
        }
        return elements
    }
}
