import Foundation

extension AtomicFile {
    /// How long a temporary file of a process that is gone must have been left alone before it is
    /// removed: a process of another pid namespace sharing the folder may still be writing it.
    static let leftoverAge: TimeInterval = 60

    /// Removes the temporary files that killed writers left beside `target`: those whose process is
    /// gone and that have not changed for ``leftoverAge``. Best effort: a failure changes nothing.
    static func removeLeftovers(of target: WriteTarget) {
        let start = "." + target.temporaryStem + "."
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: target.folder) else { return }
        for name in names where name.hasPrefix(start) && name.hasSuffix(".tmp") {
            let middle = name.dropFirst(start.count).dropLast(4).split(separator: ".", omittingEmptySubsequences: false)
            guard middle.count == 2, let process = Int32(middle[0]), process > 0, process != getpid(),
                  !isRunning(process) else { continue }
            let path = target.folder + "/" + name
            guard let changed = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date,
                  Date().timeIntervalSince(changed) > leftoverAge else { continue }
            _ = unlink(path)
        }
    }

    /// Whether a process with this id exists (one of another user counts: kill says EPERM).
    private static func isRunning(_ process: Int32) -> Bool {
        kill(process, 0) == 0 || errno != ESRCH
    }
}
