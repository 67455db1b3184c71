/// The text a diary entry is embedded as (spec §5.5): the title when it is not empty, a newline, the content,
/// then a newline and `tag:<t>` for each tag: `[title] + "\n" + content + ("\n" + "tag:<t>")*`. The model's
/// passage prompt is added by ``SentenceEmbedder/embed(passage:)``, not here.
public enum PassageText {
    /// The passage text of an entry.
    public static func of(title: String?, content: String, tags: [String]) -> String {
        var text = ""
        if let title, !title.isEmpty {
            text = title + "\n"
        }
        text += content
        for tag in tags {
            text += "\ntag:" + tag
        }
        return text
    }
}
