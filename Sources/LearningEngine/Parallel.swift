import Dispatch

/// Work split over the machine's cores when a column is large enough to pay for it.
public enum Parallel {
    /// Below this many rows a kernel runs on one thread: starting threads costs more than it saves.
    public static let threshold = 1 << 16

    /// How many pieces a column of `count` rows is cut into.
    static func pieces(_ count: Int) -> Int {
        count < threshold ? 1 : min(ProcessInfoCores.count, max(1, count / threshold))
    }

    /// A new array of `count` elements, element `i` being `body(i)`, computed in pieces on every core.
    public static func map<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
        let n = pieces(count)
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            guard let base = buffer.baseAddress else { initialized = 0; return }
            let shared = SendablePointer(base)
            withoutActuallyEscaping(body) { body in
                let task = SendableBody(body)
                DispatchQueue.concurrentPerform(iterations: n) { piece in
                    let range = Parallel.range(piece, of: n, count: count)
                    for i in range { (shared.pointer + i).initialize(to: task.body(i)) }
                }
            }
            initialized = count
        }
    }

    /// The rows of piece `piece` out of `pieces` for `count` rows.
    static func range(_ piece: Int, of pieces: Int, count: Int) -> Range<Int> {
        (count * piece / pieces)..<(count * (piece + 1) / pieces)
    }
}

/// The number of cores, read once.
enum ProcessInfoCores {
    static let count: Int = {
        #if canImport(Glibc)
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 2
        #endif
    }()
}

/// A pointer handed to the threads of one kernel; each writes its own rows.
struct SendablePointer<T>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<T>
    init(_ pointer: UnsafeMutablePointer<T>) { self.pointer = pointer }
}

/// A closure the threads of one kernel call; it only reads shared columns.
struct SendableBody<T>: @unchecked Sendable {
    let body: (Int) -> T
    init(_ body: @escaping (Int) -> T) { self.body = body }
}

#if canImport(Glibc)
import Glibc
#endif
