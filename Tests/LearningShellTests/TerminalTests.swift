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
        try waitForLast(["khq> "])
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

    /// The screen's lines, history included: wrapped lines joined (-J), escape sequences stripped,
    /// trailing spaces and trailing blank lines dropped.
    func lines() throws -> [String] {
        let raw = try tmux(["capture-pane", "-p", "-J", "-t", "main", "-S", "-200"])
        var lines = Self.stripEscapes(raw).split(separator: "\n", omittingEmptySubsequences: false).map { Self.trimmingTrailingSpaces(String($0)) }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// Waits until the screen ends with exactly `expected`, line for line and each line whole, and
    /// still does a moment later (output written after the prompt would be residue). Records the
    /// difference and throws when it never does.
    func waitForLast(_ expected: [ScreenLine], timeout: TimeInterval = 30) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try endsWith(expected) {
                Thread.sleep(forTimeInterval: 0.2)
                if try endsWith(expected) { return }
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        let screen = try lines()
        Issue.record("""
            timed out waiting for the screen to end with these lines:
            \(expected.map(\.description).joined(separator: "\n"))
            its last lines are:
            \(screen.suffix(max(expected.count, 1)).joined(separator: "\n"))
            """)
        throw CancellationError()
    }

    /// Types `input`, presses Enter, and waits until the lines from the echoed input to the end of the
    /// screen are exactly `expected` (the echoed prompt and input first, the next prompt last).
    func enter(_ input: String, expect expected: [ScreenLine], timeout: TimeInterval = 30) throws {
        try type(input)
        try press("Enter")
        try waitForLast(expected, timeout: timeout)
    }

    private func endsWith(_ expected: [ScreenLine]) throws -> Bool {
        let screen = try lines()
        guard screen.count >= expected.count else { return false }
        return zip(screen.suffix(expected.count), expected).allSatisfy { $1.matches($0) }
    }

    static func trimmingTrailingSpaces(_ line: String) -> String {
        String(line.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }

    /// Removes ANSI/readline control sequences (CSI … letter, OSC … BEL) and stray control characters.
    static func stripEscapes(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{1B}\\[[0-9;?]*[A-Za-z]", with: "", options: .regularExpression)
            .replacingOccurrences(of: "\u{1B}\\][^\u{07}]*\u{07}", with: "", options: .regularExpression)
            .replacingOccurrences(of: "[\u{01}\u{02}\r]", with: "", options: .regularExpression)
    }
}

/// One expected line of the screen, compared whole (trailing spaces aside): written as a string
/// literal; `.starting(with:)` only where the rest cannot be known (a process id in an error).
enum ScreenLine: ExpressibleByStringInterpolation, CustomStringConvertible {
    case exactly(String)
    case starting(with: String)

    init(stringLiteral text: String) { self = .exactly(text) }

    func matches(_ line: String) -> Bool {
        switch self {
        case let .exactly(text): line == TerminalSession.trimmingTrailingSpaces(text)
        case let .starting(with: prefix): line.hasPrefix(prefix)
        }
    }

    var description: String {
        switch self {
        case let .exactly(text): text
        case let .starting(with: prefix): prefix + "…"
        }
    }
}

@Suite("The shell in a terminal", .serialized, .enabled(if: tmuxAvailable, "needs tmux (scripts/test.sh installs it)"))
struct TerminalTests {
    /// The prompt, as the last line of the screen: the shell waits there.
    static let prompt: ScreenLine = "khq> "

    @Test("type a query, see the result; Ctrl-D leaves with status 0 and the history is kept")
    func query() throws {
        let t = try TerminalSession()
        #expect(try t.lines() == [
            "khuyenhoc: seeds (5 reports): 17 regions, 33 indicators, 95 figures, years 2016–2022",
            "Type a query (try: rank(learning_family, year: latest)), :help for help, :quit or Ctrl-D to leave.",
            "khq>",
        ])
        try t.enter("rate(learning_family, \"Bình Thạnh\", 2022)", expect: ["khq> rate(learning_family, \"Bình Thạnh\", 2022)", "77,07%", Self.prompt])
        try t.press("C-d")
        try t.waitForLast([Self.prompt, "EXIT=0"])
        let history = try String(contentsOfFile: t.home + "/.khuyenhoc_history", encoding: .utf8)
        #expect(history == "rate(learning_family, \"Bình Thạnh\", 2022)\n")
    }

    @Test("a result shorter than the prompt is on its own line, and the prompt after it is whole")
    func shortResults() throws {
        let t = try TerminalSession()
        try t.enter("1+6", expect: ["khq> 1+6", "7", Self.prompt])
        try t.enter("10+7", expect: ["khq> 10+7", "17", Self.prompt])
        try t.enter(":format csv", expect: ["khq> :format csv", Self.prompt])
        try t.enter("nonsense", expect: ["khq> nonsense", "<input>:1:1: error[E201]: unknown name “nonsense”", " 1 | nonsense", "   | ^~~~~~~~", Self.prompt])
        try t.enter("2", expect: ["khq> 2", "2", Self.prompt])
    }

    @Test("~/.khuyenhocrc runs before the prompt: commands and let bindings")
    func startupFile() throws {
        let t = try TerminalSession(startup: ":locale en\nlet start = 5\n")
        try t.enter("start * 1.5", expect: ["khq> start * 1.5", "7.5", Self.prompt])
    }

    @Test("a home where history cannot be written gives a warning, and the shell goes on")
    func unwritableHome() throws {
        let t = try TerminalSession(home: "/nonexistent-khuyenhoc-home")
        let warning: ScreenLine = "warning: history not saved: cannot write /nonexistent-khuyenhoc-home/.khuyenhoc_history: the folder /nonexistent-khuyenhoc-home does not exist"
        try t.enter("1 + 1", expect: ["khq> 1 + 1", warning, "2", Self.prompt])
        try t.enter("40 + 2", expect: ["khq> 40 + 2", warning, "42", Self.prompt])
    }

    @Test("Tab completes a region typed without diacritics, inside its quotes")
    func completion() throws {
        let t = try TerminalSession()
        try t.type("rate(learning_family, \"binh tha")
        try t.press("Tab")
        try t.waitForLast(["khq> rate(learning_family, \"Bình Thạnh\""])
        try t.enter(", 2022)", expect: ["khq> rate(learning_family, \"Bình Thạnh\", 2022)", "77,07%", Self.prompt])
        try t.type("rank(lear")
        try t.press("Tab")
        try t.waitForLast(["khq> rank(learning_"])
    }

    @Test("a statement goes on over lines; a line starting with | continues the result")
    func multiline() throws {
        let t = try TerminalSession()
        try t.enter("rank(learning_family,", expect: ["khq> rank(learning_family,", " ...> "])
        try t.enter("year: latest)", expect: [
            "khq> rank(learning_family,",
            " ...> year: latest)",
            "┌──────┬────────────┬──────┬────────┬───────────┬────────────┬─────────┐",
            "│ rank │ region     │ year │   rate │ qualifier │ percentile │ basis   │",
            "├──────┼────────────┼──────┼────────┼───────────┼────────────┼─────────┤",
            "│    1 │ Bắc Kạn    │ 2017 │ 97,16% │ –         │        100 │ printed │",
            "│    2 │ Bình Thạnh │ 2022 │ 77,07% │ –         │          0 │ printed │",
            "└──────┴────────────┴──────┴────────┴───────────┴────────────┴─────────┘",
            "2 rows",
            "note: learning_family by rate, each region's latest year; ties: competition; percentile = share of the others ranked below",
            "note: districts only, the level of 3 of the 4 regions with learning_family figures; left out: Liên Hương (commune); level: \"any\" ranks them all",
            "note: years differ: Bắc Kạn 2017, Bình Thạnh 2022; ranks compare different years",
            "note: not ranked: Kiên Hải (2021: only a target; no other year has a figure)",
            Self.prompt,
        ])
        try t.enter("| select region | take 1", expect: [
            "khq> | select region | take 1",
            "┌─────────┐",
            "│ region  │",
            "├─────────┤",
            "│ Bắc Kạn │",
            "└─────────┘",
            "1 row",
            "note: learning_family by rate, each region's latest year; ties: competition; percentile = share of the others ranked below",
            "note: districts only, the level of 3 of the 4 regions with learning_family figures; left out: Liên Hương (commune); level: \"any\" ranks them all",
            "note: years differ: Bắc Kạn 2017, Bình Thạnh 2022; ranks compare different years",
            "note: not ranked: Kiên Hải (2021: only a target; no other year has a figure)",
            Self.prompt,
        ])
    }

    @Test("Ctrl-C while typing abandons the line; the shell goes on")
    func interruptTyping() throws {
        let t = try TerminalSession()
        try t.enter("let x = 41", expect: ["khq> let x = 41", Self.prompt])
        try t.type("this line is abandoned")
        try t.press("C-c")
        try t.waitForLast(["khq> let x = 41", "khq> this line is abandoned", Self.prompt])
        try t.enter("x + 1", expect: ["khq> x + 1", "42", Self.prompt])
        #expect(!(try t.lines().contains { $0.hasPrefix("EXIT=") }))
    }

    @Test("Ctrl-C right after a Tab that completes nothing abandons the line every time (it was lost while readline worked on the Tab)")
    func interruptAfterTab() throws {
        let t = try TerminalSession()
        try t.enter("let x = 41", expect: ["khq> let x = 41", Self.prompt])
        for attempt in 0..<8 {
            let text = "zz\(attempt)"
            try t.type(text)
            // The text on screen first: a Ctrl-C makes the terminal drop input not yet read, so the
            // line would be abandoned before it was typed.
            try t.waitForLast([.exactly("khq> " + text)])
            // One tmux command, so the Ctrl-C follows the Tab as closely as keys can.
            _ = try t.tmux(["send-keys", "-t", "main", "Tab", "C-c"])
            try t.waitForLast([.exactly("khq> " + text), Self.prompt])
        }
        try t.enter("x + 1", expect: ["khq> x + 1", "42", Self.prompt])
    }

    @Test("Ctrl-C during a long query prints Interrupted; bindings and dataset stay")
    func interruptQuery() throws {
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("khq-big-\(UUID().uuidString).khq").path
        try ("let keep = 7\nlet big = table([" + (0..<300_000).map(String.init).joined(separator: ", ") + "])\n\"big is loaded\"\n").write(toFile: script, atomically: true, encoding: .utf8)
        let t = try TerminalSession()
        try t.enter(":load \(script)", expect: ["khq> :load \(script)", "big is loaded", Self.prompt])
        // Sixty passes over 300 000 rows, each making a list per row (lists are evaluated row by row,
        // not by the column kernels): many seconds even in a release build, so Ctrl-C lands while it
        // runs whatever the machine.
        let long = "big" + String(repeating: " | derive a = [value, value * 2 + 1]", count: 60) + " | take 1"
        try t.type(long)
        try t.press("Enter")
        Thread.sleep(forTimeInterval: 1.0)
        try t.press("C-c")
        try t.waitForLast([.exactly("khq> " + long), "Interrupted", Self.prompt])
        try t.enter("keep * 6", expect: ["khq> keep * 6", "42", Self.prompt])
        try t.enter("rate(learning_family, \"Bình Thạnh\", 2022)", expect: ["khq> rate(learning_family, \"Bình Thạnh\", 2022)", "77,07%", Self.prompt])
    }
}
