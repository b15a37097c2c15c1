/// Stops the process when a property that must hold for every input does not: libFuzzer sees the trap
/// as a crash and keeps the input that caused it, and the message says which property broke.
public func invariant(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
                      file: StaticString = #fileID, line: UInt = #line) {
    if !condition() { fatalError("invariant broken: \(message())", file: file, line: line) }
}
