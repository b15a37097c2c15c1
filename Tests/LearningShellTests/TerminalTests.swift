import Foundation
import Testing
import TestSupport

/// Whether tmux is installed (scripts/test.sh installs it; it drives the shell through a real
/// pseudo-terminal).
let tmuxAvailable = FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/tmux")

/// The shell running in a detached tmux session, typed at with send-keys and read with capture-pane.
final class TerminalSession {
    let socket = "khq-test-\(UUID().uuidString.prefix(8))"
    let home: String

    init(arguments: String = "", home givenHome: String? = nil, startup: String? = nil) throws {
        home = givenHome ?? FileManager.default.temporaryDirectory.appendingPathComponent("khq-home-\(UUID().uuidString)").path
        if givenHome == nil { try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true) }
        if let startup { try startup.write(toFile: home + "/.khuyenhocrc", atomically: true, encoding: .utf8) }
        let binary = try #require(builtProduct("khuyenhoc"), "build khuyenhoc first").path
        try tmux(["new-session", "-d", "-s", "main", "-x", "150", "-y", "60",
                  "env HOME=\(home) TERM=xterm \(binary) \(arguments); echo EXIT=$?; sleep 30"])
        try waitFor("khq>")
    }

    deinit { _ = try? tmux(["kill-server"]) }

    /// Runs tmux on this test's own server. Through the C library's `system` and `popen`: the tmux
    /// server that new-session starts outlives the call and keeps inherited descriptors open, which
    /// Foundation's Process does not cope with here.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let command = (["tmux", "-L", socket] + arguments).map(Self.quote).joined(separator: " ")
        guard arguments.first == "capture-pane" else {
            let status = system(command + " >/dev/null 2>&1 </dev/null")
            if status != 0, arguments.first != "kill-server" { Issue.record("tmux \(arguments.first ?? "") failed: \(status)") }
            return ""
        }
        guard let pipe = popen(command + " 2>/dev/null </dev/null", "r") else { return "" }
        defer { pclose(pipe) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = fread(&buffer, 1, buffer.count, pipe)
            if n <= 0 { break }
            data.append(contentsOf: buffer[..<n])
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// An argument quoted for the shell.
    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Types keys: text literally, or tmux key names such as "Enter", "Tab", "C-c", "C-d".
    func type(_ text: String) throws { try tmux(["send-keys", "-t", "main", "-l", text]) }
    func press(_ key: String) throws { try tmux(["send-keys", "-t", "main", key]) }

    /// The screen's text, escape sequences stripped, trailing blank lines dropped.
    func screen() throws -> String {
        let raw = try tmux(["capture-pane", "-p", "-t", "main", "-S", "-200"])
        return Self.stripEscapes(raw).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
            .joined(separator: "\n").trimmingCharacters(in: .newlines)
    }

    /// Waits until the screen shows `text` `count` times (default once).
    func waitFor(_ text: String, count: Int = 1, timeout: TimeInterval = 30) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try screen().components(separatedBy: text).count - 1 >= count { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        Issue.record("timed out waiting for “\(text)”; the screen shows:\n\(try screen())")
        throw CancellationError()
    }

    /// Removes ANSI/readline control sequences (CSI … letter, OSC … BEL) and stray control characters.
    static func stripEscapes(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{1B}\\[[0-9;?]*[A-Za-z]", with: "", options: .regularExpression)
            .replacingOccurrences(of: "\u{1B}\\][^\u{07}]*\u{07}", with: "", options: .regularExpression)
            .replacingOccurrences(of: "[\u{01}\u{02}\r]", with: "", options: .regularExpression)
    }
}

@Suite("The shell in a terminal", .serialized, .enabled(if: tmuxAvailable, "needs tmux (scripts/test.sh installs it)"))
struct TerminalTests {
    @Test("type a query, see the result; Ctrl-D leaves with status 0 and the history is kept")
    func query() throws {
        let t = try TerminalSession()
        #expect(try t.screen().contains("khuyenhoc: seeds (5 reports): 17 regions, 31 indicators, 95 figures, years 2016–2022"))
        try t.type("rate(learning_family, \"Bình Thạnh\", 2022)")
        try t.press("Enter")
        try t.waitFor("77,07%")
        try t.press("C-d")
        try t.waitFor("EXIT=0")
        let history = try String(contentsOfFile: t.home + "/.khuyenhoc_history", encoding: .utf8)
        #expect(history == "rate(learning_family, \"Bình Thạnh\", 2022)\n")
    }

    @Test("~/.khuyenhocrc runs before the prompt: commands and let bindings")
    func startupFile() throws {
        let t = try TerminalSession(startup: ":locale en\nlet start = 5\n")
        try t.type("start * 1.5")
        try t.press("Enter")
        try t.waitFor("7.5")
    }

    @Test("a home where history cannot be written gives a warning, and the shell goes on")
    func unwritableHome() throws {
        let t = try TerminalSession(home: "/nonexistent-khuyenhoc-home")
        try t.type("1 + 1")
        try t.press("Enter")
        try t.waitFor("warning: history not saved")
        try t.type("40 + 2")
        try t.press("Enter")
        try t.waitFor("42")
    }

    @Test("Tab completes a region typed without diacritics, inside its quotes")
    func completion() throws {
        let t = try TerminalSession()
        try t.type("rate(learning_family, \"binh tha")
        try t.press("Tab")
        try t.waitFor("\"Bình Thạnh\"")
        try t.type(", 2022)")
        try t.press("Enter")
        try t.waitFor("77,07%")
        try t.type("rank(lear")
        try t.press("Tab")
        try t.waitFor("rank(learning_")
    }

    @Test("a statement goes on over lines; a line starting with | continues the result")
    func multiline() throws {
        let t = try TerminalSession()
        try t.type("rank(learning_family,")
        try t.press("Enter")
        try t.waitFor(" ...>")
        try t.type("year: latest)")
        try t.press("Enter")
        try t.waitFor("3 rows")
        try t.type("| select region | take 1")
        try t.press("Enter")
        try t.waitFor("1 row")
    }

    @Test("Ctrl-C while typing abandons the line; the shell goes on")
    func interruptTyping() throws {
        let t = try TerminalSession()
        try t.type("let x = 41")
        try t.press("Enter")
        try t.type("this line is abandoned")
        try t.press("C-c")
        try t.waitFor("khq>", count: 3)
        try t.type("x + 1")
        try t.press("Enter")
        try t.waitFor("42")
        #expect(!(try t.screen().contains("EXIT=")))
    }

    @Test("Ctrl-C during a long query prints Interrupted; bindings and dataset stay")
    func interruptQuery() throws {
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("khq-big-\(UUID().uuidString).khq").path
        try ("let keep = 7\nlet big = table([" + (0..<300_000).map(String.init).joined(separator: ", ") + "])\n\"big is loaded\"\n").write(toFile: script, atomically: true, encoding: .utf8)
        let t = try TerminalSession()
        try t.type(":load \(script)")
        try t.press("Enter")
        try t.waitFor("big is loaded")
        try t.waitFor("khq>", count: 2)
        // Sixty passes over 300 000 rows: many seconds even in a release build, so Ctrl-C lands while
        // it runs whatever the machine (a test must not depend on some operator being slow).
        try t.type("big" + String(repeating: " | derive a = value * 2 + 1", count: 60) + " | take 1")
        try t.press("Enter")
        Thread.sleep(forTimeInterval: 1.0)
        try t.press("C-c")
        try t.waitFor("Interrupted")
        try t.type("keep * 6")
        try t.press("Enter")
        try t.waitFor("42")
        try t.type("rate(learning_family, \"Bình Thạnh\", 2022)")
        try t.press("Enter")
        try t.waitFor("77,07%")
    }
}
