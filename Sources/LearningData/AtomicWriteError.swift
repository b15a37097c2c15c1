import Foundation

/// Why ``AtomicFile`` did not write a file. Whatever the reason, the file that was there is as it
/// was and no temporary file is left behind.
///
/// Its description is for users: the path as they gave it and what went wrong in plain words, never a
/// temporary file's name or a system error domain.
public struct AtomicWriteError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Equatable, Sendable {
        /// The folder the file goes in does not exist.
        case folderMissing(folder: String)
        /// A part of the path that should be a folder is a file.
        case notAFolder(folder: String)
        /// The system refused: the folder does not let this user create files (`folder`), or the
        /// file does not let this user write it (`folder` nil).
        case permissionDenied(folder: String?)
        /// The file exists and its owner may not write it (no `u+w` in its mode), even when running as root.
        case readOnlyFile
        /// The file system is mounted read-only.
        case readOnlyFileSystem
        /// The path names a folder.
        case isFolder
        /// The path names a device, a pipe or a socket, which a rename would replace.
        case notRegularFile
        /// No space is left on the device, or the user's quota is used up.
        case diskFull
        /// The path's symbolic links go round in a loop, or are too many.
        case tooManySymbolicLinks
        /// A name in the path is longer than the file system allows.
        case nameTooLong
        /// The path is empty or ends with “/”.
        case noFileName
        /// The device reported an input/output error.
        case inputOutput
        /// Any other refusal, by its `errno` value.
        case system(code: Int32)

        /// The reason for an `errno` value from a call made in `folder`.
        public init(code: Int32, folder: String) {
            switch code {
            case ENOENT: self = .folderMissing(folder: folder)
            case ENOTDIR: self = .notAFolder(folder: folder)
            case EACCES, EPERM: self = .permissionDenied(folder: folder)
            case EROFS: self = .readOnlyFileSystem
            case EISDIR: self = .isFolder
            case ENOSPC, EDQUOT: self = .diskFull
            case ELOOP: self = .tooManySymbolicLinks
            case ENAMETOOLONG: self = .nameTooLong
            case EIO: self = .inputOutput
            default: self = .system(code: code)
            }
        }

        /// The reason in plain words, to follow “cannot write FILE: ”.
        var explanation: String {
            switch self {
            case let .folderMissing(folder): "the folder \(folder) does not exist"
            case let .notAFolder(folder): "\(folder) is not a folder"
            case let .permissionDenied(folder?): "permission denied: the folder \(folder) does not let you create files"
            case .permissionDenied(nil): "permission denied: the file does not let you write it"
            case .readOnlyFile: "the file is read-only"
            case .readOnlyFileSystem: "the file system is read-only"
            case .isFolder: "it is a folder, not a file"
            case .notRegularFile: "it is not a regular file (a device, a pipe or a socket)"
            case .diskFull: "the disk is full"
            case .tooManySymbolicLinks: "its symbolic links go round in a loop"
            case .nameTooLong: "the name is too long for the file system"
            case .noFileName: "no file name is given"
            case .inputOutput: "the disk reported an input/output error"
            case let .system(code): String(cString: strerror(code)).lowercased()
            }
        }
    }

    /// What was being done.
    public enum Action: Equatable, Sendable {
        /// Writing a file.
        case write
        /// Creating a folder (``AtomicFile/createFolder(_:)``).
        case createFolder
    }

    /// The path as the caller gave it.
    public let path: String
    /// What went wrong.
    public let reason: Reason
    /// What was being done.
    public let action: Action
    /// Where `path`'s symbolic links lead, when they lead somewhere else.
    public let linkTarget: String?

    /// Creates the error.
    public init(path: String, reason: Reason, action: Action = .write, linkTarget: String? = nil) {
        self.path = path
        self.reason = reason
        self.action = action
        self.linkTarget = linkTarget.flatMap { $0 == path ? nil : $0 }
    }

    /// The message for the user: the path as given, where its links lead, and the reason.
    public var description: String {
        let shown = path.isEmpty ? "“”" : path
        let link = linkTarget.map { " (a link to \($0))" } ?? ""
        switch (action, reason) {
        case (.write, .readOnlyFile):
            return "\(shown)\(link) is read-only; it was left as it is (make it writable with chmod u+w, or write to another file)"
        case (.write, _):
            return "cannot write \(shown)\(link): \(reason.explanation)"
        case (.createFolder, _):
            return "cannot create the folder \(shown): \(reason.explanation)"
        }
    }
}
