import Foundation

/// A file a pack was made from, as it was when packed: a pack is used only while every one of them
/// has the same size and modification time (and a file absent then, such as `regions.csv`, is still
/// absent). Equal stamps rather than "older than the pack", so that a CSV put back from a backup, with
/// an older date, still makes the pack stale.
public struct PackSourceStamp: Sendable, Equatable {
    /// The file's path relative to the dataset's folder (`figures.csv`, `documents/r.txt`).
    public let path: String
    /// Whether it existed.
    public let exists: Bool
    /// Its size in bytes (0 when absent).
    public let size: UInt64
    /// Its modification time (0 when absent).
    public let modifiedSeconds: Int, modifiedNanoseconds: Int

    /// The stamp of the file at `path` within `folder`, as it is now.
    public init(path: String, in folder: String) {
        var info = stat()
        self.path = path
        if stat(folder + "/" + path, &info) == 0 {
            exists = true
            size = UInt64(clamping: info.st_size)
            #if canImport(Darwin)
            modifiedSeconds = Int(info.st_mtimespec.tv_sec); modifiedNanoseconds = Int(info.st_mtimespec.tv_nsec)
            #else
            modifiedSeconds = Int(info.st_mtim.tv_sec); modifiedNanoseconds = Int(info.st_mtim.tv_nsec)
            #endif
        } else {
            exists = false; size = 0; modifiedSeconds = 0; modifiedNanoseconds = 0
        }
    }

    init(path: String, exists: Bool, size: UInt64, modifiedSeconds: Int, modifiedNanoseconds: Int) {
        self.path = path
        self.exists = exists
        self.size = size
        self.modifiedSeconds = modifiedSeconds
        self.modifiedNanoseconds = modifiedNanoseconds
    }

    /// How the file differs now from this stamp ("changed", "was removed", "appeared"), nil when it does not.
    func change(in folder: String) -> String? {
        let now = PackSourceStamp(path: path, in: folder)
        if now.exists != exists { return exists ? "was removed" : "appeared" }
        return now == self ? nil : "changed"
    }
}

/// Where a dataset's files are: its folder, its figures file, and the pack beside them.
struct PackSourceFiles {
    let folder: String
    let figures: String
    /// The pack's path.
    let pack: String

    /// For a dataset folder, `DIR/figures.khpack`; for a figures file `F.csv`, `F.khpack` beside it.
    init(dataPath: String) {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: dataPath, isDirectory: &isFolder)
        if exists && isFolder.boolValue || dataPath.hasSuffix("/") {
            folder = dataPath.hasSuffix("/") && dataPath.count > 1 ? String(dataPath.dropLast()) : dataPath
            figures = DatasetLoader.figuresFileName
        } else {
            let parent = (dataPath as NSString).deletingLastPathComponent
            folder = parent.isEmpty ? "." : parent
            figures = (dataPath as NSString).lastPathComponent
        }
        let stem = figures.hasSuffix(".csv") ? String(figures.dropLast(4)) : figures
        pack = folder + "/" + stem + "." + DatasetPack.fileExtension
    }

    /// The stamps of the files a loaded dataset was read from: the figures, `regions.csv` (present or
    /// not), and each document where the loader finds it (the folder first, then `documents/`, as
    /// ``DatasetLoader`` looks).
    func stamps(of dataset: Dataset) -> [PackSourceStamp] {
        var stamps = [PackSourceStamp(path: figures, in: folder), PackSourceStamp(path: DatasetLoader.regionsFileName, in: folder)]
        for name in dataset.documents.names {
            let direct = PackSourceStamp(path: name, in: folder)
            stamps.append(direct.exists ? direct : PackSourceStamp(path: "documents/" + name, in: folder))
        }
        return stamps
    }
}
