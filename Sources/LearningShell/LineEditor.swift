import CReadline
import Foundation
import LearningQuery
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Raised by Ctrl-C (SIGINT). The query session checks it while evaluating; the line editor checks it
/// while waiting for a key. The handler does nothing but raise it: an atomic store is safe in a signal
/// handler, readline calls are not.
public let interruptFlag = CancellationFlag()

// Readline calls back through C function pointers, which cannot capture context; these globals are
// what they reach. The shell runs on one thread, so nothing else touches them.
nonisolated(unsafe) private var completionSource: ((String, Int) -> Completion)?
nonisolated(unsafe) private var receivedLine: String?
nonisolated(unsafe) private var lineArrived = false
nonisolated(unsafe) private var endOfInput = false
/// The ends of a pipe the SIGINT handler writes a byte to, so that a Ctrl-C arriving while readline
/// works (between two polls, after a Tab) still wakes the poll: a flag alone is seen only if the signal
/// interrupts the poll itself, and was lost otherwise until the next key.
nonisolated(unsafe) private var interruptPipe: (read: Int32, write: Int32) = (-1, -1)

/// The interactive line editor over GNU readline: prompts, multi-line input, history in a file,
/// Ctrl-R, ~/.inputrc, tab completion, and Ctrl-C that never leaves the shell.
public final class LineEditor {
    private let shell: Shell
    private let history: HistoryFile?
    private var entries: [String]
    /// The prompt, and the prompt of a continued statement.
    public var prompt = "khq> ", continuation = " ...> "

    /// An editor feeding `shell`, keeping history in `history` (none when nil).
    public init(shell: Shell, history: HistoryFile?) {
        self.shell = shell
        self.history = history
        entries = history?.load() ?? []
    }

    /// Runs until `:quit` or Ctrl-D; returns the exit status (0).
    public func run() -> Int32 {
        khq_set_name("khuyenhoc")
        khq_set_catch_signals(0)
        khq_set_word_breaks(" \t\n(),|=<>!+*/~[]{}\"")
        khq_set_completion_function(completeCallback)
        var ends: [Int32] = [-1, -1]
        if pipe(&ends) == 0 {
            for end in ends { _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK) }
            interruptPipe = (ends[0], ends[1])
        }
        defer {
            if interruptPipe.read >= 0 { close(interruptPipe.read); close(interruptPipe.write) }
            interruptPipe = (-1, -1)
        }
        signal(SIGINT, interruptHandler)
        let terminalModes = Self.withoutControlEcho()
        defer { if var modes = terminalModes { tcsetattr(STDIN_FILENO, TCSANOW, &modes) } }
        completionSource = { [unowned shell] line, cursor in shell.completer.complete(line, cursor: cursor, bindings: shell.session.bindingNames + shell.session.functionNames.map { $0 + "(" }) }
        for entry in entries { add_history(entry) }
        shell.terminalWidth = { Self.terminalWidth() }
        var pending: [String] = []
        while !shell.shouldQuit {
            guard let line = readLine(pending.isEmpty ? prompt : continuation) else {
                if pending.isEmpty {
                    if khq_newline_after_eof() == 0 { print("") }
                    break
                }
                pending = []
                continue
            }
            if pending.isEmpty, line.trimmingWhitespace.hasPrefix(":") {
                remember(line)
                shell.handle(line)
                continue
            }
            if pending.isEmpty, line.trimmingWhitespace.isEmpty { continue }
            pending.append(line)
            let input = pending.joined(separator: "\n")
            if InputCompleteness.isComplete(input) {
                pending = []
                remember(input)
                interruptFlag.reset()
                shell.handle(input)
            }
        }
        signal(SIGINT, SIG_DFL)
        return 0
    }

    /// Reads one line with readline's callback interface; nil at end of input (Ctrl-D). Ctrl-C
    /// abandons the line and shows the prompt again.
    private func readLine(_ prompt: String) -> String? {
        lineArrived = false
        endOfInput = false
        receivedLine = nil
        rl_callback_handler_install(prompt, lineCallback)
        defer { rl_callback_handler_remove() }
        // A Ctrl-C given while a query ran was answered there.
        Self.drainInterrupts()
        interruptFlag.reset()
        var descriptors = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: interruptPipe.read, events: Int16(POLLIN), revents: 0)]
        while !lineArrived {
            let ready = poll(&descriptors, interruptPipe.read >= 0 ? 2 : 1, -1)
            if ready < 0, errno != EINTR { return nil }
            Self.drainInterrupts()
            if interruptFlag.isRaised {
                interruptFlag.reset()
                khq_discard_line()
                rl_callback_handler_remove()
                rl_callback_handler_install(prompt, lineCallback)
                continue
            }
            if ready > 0, descriptors[0].revents != 0 { rl_callback_read_char() }
        }
        return endOfInput ? nil : receivedLine
    }

    /// Empties the interrupt pipe (the flag says whether there was a Ctrl-C).
    private static func drainInterrupts() {
        guard interruptPipe.read >= 0 else { return }
        var bytes = [UInt8](repeating: 0, count: 64)
        while read(interruptPipe.read, &bytes, bytes.count) > 0 {}
    }

    private func remember(_ entry: String) {
        add_history(entry)
        entries.append(entry)
        guard let history else { return }
        do {
            try history.save(entries)
        } catch {
            FileHandle.standardError.write(Data("warning: history not saved: \(error)\n".utf8))
        }
    }

    /// Turns off the terminal's echo of control characters and returns the modes to restore. While a
    /// query runs, readline's own settings are off, so Ctrl-C was echoed as "^C" and the shell's
    /// "Interrupted" followed on the same line; readline takes the modes it finds each time it reads a
    /// line, so it keeps this too.
    static func withoutControlEcho() -> termios? {
        var modes = termios()
        guard tcgetattr(STDIN_FILENO, &modes) == 0 else { return nil }
        let original = modes
        modes.c_lflag &= ~tcflag_t(ECHOCTL)
        guard tcsetattr(STDIN_FILENO, TCSANOW, &modes) == 0 else { return nil }
        return original
    }

    /// The terminal's width in columns, if standard output is a terminal.
    static func terminalWidth() -> Int? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}

private let interruptHandler: @convention(c) (Int32) -> Void = { _ in
    interruptFlag.raise()
    // write(2) is async-signal-safe; the pipe is non-blocking, so a full pipe only drops a wake-up.
    var byte: UInt8 = 1
    if interruptPipe.write >= 0 { _ = write(interruptPipe.write, &byte, 1) }
}

/// Readline calls this when a line is accepted. It removes the handler first: with the handler still
/// installed when this returns, readline draws a fresh prompt at once, and removing it afterwards
/// resets the terminal with a carriage return, so a short result was written over that prompt
/// ("7hq>"). Removed here, the terminal is left at the start of an empty line for the result.
private let lineCallback: @convention(c) (UnsafeMutablePointer<CChar>?) -> Void = { pointer in
    rl_callback_handler_remove()
    lineArrived = true
    guard let pointer else {
        endOfInput = true
        return
    }
    receivedLine = String(cString: pointer)
    free(pointer)
}

/// Readline asks for completions of the text between `start` and `end` (bytes). The completer works
/// on the whole line and may start its replacement elsewhere (at an opening quote), so candidates
/// are aligned to readline's start before they are handed over.
private let completeCallback: @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = { _, start, _ in
    khq_set_no_default_completion()
    khq_set_completion_append(0, 1)
    guard let source = completionSource, let buffer = khq_line_buffer() else { return nil }
    let bytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self), count: strlen(buffer)))
    let point = min(Int(khq_point()), bytes.count)
    let line = String(decoding: bytes, as: UTF8.self)
    let cursor = String(decoding: bytes[..<point], as: UTF8.self).count
    let completion = source(line, cursor)
    guard !completion.candidates.isEmpty else { return nil }
    let characters = Array(line)
    let ourStart = min(completion.start, characters.count)
    let readlineStart = String(decoding: bytes[..<min(Int(start), bytes.count)], as: UTF8.self).count
    // When the word starts right after an opening quote, readline closes the quote itself on a single
    // match, so the candidate's own closing quote is left to it.
    let afterQuote = readlineStart > 0 && readlineStart <= characters.count && characters[readlineStart - 1] == "\""
    let aligned: [String] = completion.candidates.map { candidate in
        var text = candidate
        if readlineStart > ourStart {
            let skipped = String(characters[ourStart..<readlineStart])
            if text.hasPrefix(skipped) { text = String(text.dropFirst(skipped.count)) }
        } else {
            text = String(characters[readlineStart..<ourStart]) + text
        }
        if afterQuote, text.hasSuffix("\"") { text.removeLast() }
        return text
    }
    let common = aligned.dropFirst().reduce(aligned[0]) { prefix, next in String(zip(prefix, next).prefix { $0 == $1 }.map(\.0)) }
    // Readline frees the array and each string with free(), so both come from malloc. A single match
    // is [match, NULL]; several are [common prefix, match, ..., NULL].
    let entries = aligned.count == 1 ? aligned : [common] + aligned
    guard let array = malloc(MemoryLayout<UnsafeMutablePointer<CChar>?>.stride * (entries.count + 1))?
        .assumingMemoryBound(to: UnsafeMutablePointer<CChar>?.self) else { return nil }
    for (i, entry) in entries.enumerated() { array[i] = strdup(entry) }
    array[entries.count] = nil
    return array
}
