import Foundation
import LearningQuery
import LearningShell

/// The interactive shell on a terminal: banner, start-up file, then the line editor.
enum Interactive {
    static func run(_ session: QuerySession) -> Int32 {
        let shell = Shell(session: session, output: TerminalOutput())
        print(shell.banner)
        if let home = ProcessInfo.processInfo.environment["HOME"] {
            let rc = (home as NSString).appendingPathComponent(".khuyenhocrc")
            if let data = FileManager.default.contents(atPath: rc) {
                do { shell.runScript(try ScriptText.decode([UInt8](data), name: rc), name: rc, file: rc) } catch {
                    FileHandle.standardError.write(Data("\(error)\n".utf8))
                }
            }
        }
        return LineEditor(shell: shell, history: HistoryFile.standard()).run()
    }
}

/// Standard output and error.
final class TerminalOutput: ShellOutput {
    func write(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }
    func writeError(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}
