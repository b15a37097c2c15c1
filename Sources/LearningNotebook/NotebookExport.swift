import LearningData

/// A notebook as a self-contained report for people without Jupyter: HTML or Markdown, charts inline
/// as SVG.
public enum NotebookExport {
    /// The formats.
    public enum Format: String, Sendable, CaseIterable { case html, markdown }

    /// The report.
    public static func render(_ notebook: Notebook, as format: Format, title: String) -> String {
        switch format {
        case .html: return html(notebook, title: title)
        case .markdown: return markdown(notebook)
        }
    }

    static func markdown(_ notebook: Notebook) -> String {
        var out: [String] = []
        for cell in notebook.cells {
            switch cell.kind {
            case "markdown": out.append(cell.source)
            case "code":
                out.append("```\n" + cell.source + "\n```")
                for output in cell.outputs {
                    if let svg = output["data"]?["image/svg+xml"]?.text { out.append(svg) }
                    else if let markdown = output["data"]?["text/markdown"]?.text { out.append(markdown) }
                    else if let plain = output["data"]?["text/plain"]?.text { out.append("```\n" + plain + "\n```") }
                    else if let trace = output["traceback"], case let .array(lines) = trace {
                        out.append("```\n" + lines.compactMap(\.text).joined(separator: "\n") + "\n```")
                    } else if let text = output["text"]?.text { out.append("```\n" + text + "```") }
                }
            default: out.append(cell.source)
            }
        }
        return out.joined(separator: "\n\n") + "\n"
    }

    static func html(_ notebook: Notebook, title: String) -> String {
        var out = ["<!DOCTYPE html>", "<html lang=\"vi\">", "<head>", "<meta charset=\"utf-8\">", "<title>\(HTMLTable.escape(title))</title>",
                   "<style>body{font-family:DejaVu Sans,Arial,sans-serif;max-width:60em;margin:2em auto;line-height:1.45}"
                   + "pre{background:#f6f6f6;padding:.6em;overflow-x:auto}table{border-collapse:collapse;margin:.5em 0}"
                   + "td,th{border:1px solid #ccc;padding:.2em .5em}th{background:#eee}.error{color:#a00}</style>", "</head>", "<body>"]
        for cell in notebook.cells {
            switch cell.kind {
            case "markdown": out.append(MarkdownLite.html(cell.source))
            case "code":
                out.append("<pre><code>" + HTMLTable.escape(cell.source) + "</code></pre>")
                for output in cell.outputs {
                    if let svg = output["data"]?["image/svg+xml"]?.text { out.append("<div>" + svg + "</div>") }
                    else if let html = output["data"]?["text/html"]?.text { out.append(html) }
                    else if let plain = output["data"]?["text/plain"]?.text { out.append("<pre>" + HTMLTable.escape(plain) + "</pre>") }
                    else if case let .array(lines)? = output["traceback"] {
                        out.append("<pre class=\"error\">" + HTMLTable.escape(lines.compactMap(\.text).joined(separator: "\n")) + "</pre>")
                    } else if let text = output["text"]?.text { out.append("<pre class=\"error\">" + HTMLTable.escape(text) + "</pre>") }
                }
            default: out.append("<pre>" + HTMLTable.escape(cell.source) + "</pre>")
            }
        }
        out += ["</body>", "</html>"]
        return out.joined(separator: "\n") + "\n"
    }
}

/// The little Markdown the notebooks' prose uses: headings, paragraphs, bullet lists, **bold**, *italic*
/// and `code`.
enum MarkdownLite {
    static func html(_ text: String) -> String {
        var out: [String] = []
        var paragraph: [String] = []
        var inList = false
        func flush() {
            if !paragraph.isEmpty { out.append("<p>" + inline(paragraph.joined(separator: " ")) + "</p>"); paragraph = [] }
        }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("- ") || line.hasPrefix("* ") {
                flush()
                if !inList { out.append("<ul>"); inList = true }
                out.append("<li>" + inline(String(line.dropFirst(2))) + "</li>")
                continue
            }
            if inList { out.append("</ul>"); inList = false }
            if line.isEmpty { flush(); continue }
            if line.hasPrefix("#") {
                flush()
                let level = min(line.prefix { $0 == "#" }.count, 6)
                out.append("<h\(level)>" + inline(line.dropFirst(level).trimmingCharacters(in: .whitespaces)) + "</h\(level)>")
                continue
            }
            paragraph.append(line)
        }
        flush()
        if inList { out.append("</ul>") }
        return out.joined(separator: "\n")
    }

    static func inline(_ text: String) -> String {
        var s = HTMLTable.escape(text)
        for (mark, tag) in [("`", "code"), ("**", "strong"), ("*", "em")] {
            let parts = s.components(separatedBy: mark)
            guard parts.count >= 3 else { continue }
            s = parts.enumerated().map { i, part in i == 0 ? part : (i % 2 == 1 ? "<\(tag)>" : "</\(tag)>") + part }.joined()
            if parts.count % 2 == 0 { s += "</\(tag)>" }
        }
        return s
    }
}
