import Dispatch
import LearningQuery

/// A cancellation flag that raises itself after a while: each input gets a fresh one, so a query that
/// scans rows for too long is interrupted (E900) as Ctrl-C would interrupt it, and only work that never
/// checks the flag can reach libFuzzer's `-timeout`.
public enum TimeBudget {
    /// A flag raised `milliseconds` from now.
    public static func flag(milliseconds: Int) -> CancellationFlag {
        let flag = CancellationFlag()
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(milliseconds)) { flag.raise() }
        return flag
    }
}
