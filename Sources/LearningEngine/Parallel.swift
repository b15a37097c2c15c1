import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Work split over the machine's cores when a column is large enough to pay for it.
public enum Parallel {
    /// Below this many rows a kernel runs on one thread: starting threads costs more than it saves.
    public static let threshold = 1 << 16

    /// How many pieces a column of `count` rows is cut into.
    @usableFromInline static func pieces(_ count: Int) -> Int {
        count < threshold ? 1 : min(cores, max(1, count / threshold))
    }

    /// The number of cores, read once.
    @usableFromInline static let cores: Int = {
        #if canImport(Glibc)
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 2
        #endif
    }()

    /// A new array of `count` elements, made in pieces on every core: `body` gets a range of
    /// positions and the array's storage, and initialises exactly those positions. The loop lives in
    /// the caller's closure, so the compiler sees the whole of it.
    @inlinable
    public static func fill<T>(_ count: Int, _ body: (Range<Int>, UnsafeMutablePointer<T>) -> Void) -> [T] {
        let n = pieces(count)
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            guard let base = buffer.baseAddress else { initialized = 0; return }
            if n == 1 {
                body(0..<count, base)
            } else {
                let shared = SendablePointer(base)
                withoutActuallyEscaping(body) { body in
                    let task = SendableRangeBody(body)
                    DispatchQueue.concurrentPerform(iterations: n) { piece in
                        task.body((count * piece / n)..<(count * (piece + 1) / n), shared.pointer)
                    }
                }
            }
            initialized = count
        }
    }

    /// A new array of `count` elements, element `i` being `body(i)`, computed in pieces on every core.
    @inlinable
    public static func map<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
        fill(count) { range, out in for i in range { (out + i).initialize(to: body(i)) } }
    }
}

/// A pointer handed to the threads of one kernel; each writes its own rows.
@usableFromInline
struct SendablePointer<T>: @unchecked Sendable {
    @usableFromInline let pointer: UnsafeMutablePointer<T>
    @usableFromInline init(_ pointer: UnsafeMutablePointer<T>) { self.pointer = pointer }
}

/// A closure the threads of one kernel call on their own ranges; it only reads shared columns.
@usableFromInline
struct SendableRangeBody<T>: @unchecked Sendable {
    @usableFromInline let body: (Range<Int>, UnsafeMutablePointer<T>) -> Void
    @usableFromInline init(_ body: @escaping (Range<Int>, UnsafeMutablePointer<T>) -> Void) { self.body = body }
}
