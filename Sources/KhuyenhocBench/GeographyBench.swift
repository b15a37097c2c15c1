import Foundation
import LearningData
import LearningShell

/// `khuyenhoc-bench --geography`: the national map's costs at full size (≈ 14 100 units of both
/// times, ≈ 16 000 names): building it, looking a name up on a day, and completing a region name
/// with Tab. Prints one JSON object.
enum GeographyBench {
    static func run() {
        var map: NationalMap? = nil
        let build = seconds { map = NationalMap.embedded }
        guard let map else { fail("no map") }
        // Names as people type them, a kind before: every unit's, in a fixed shuffled order.
        var names = map.units.filter { $0.kind != .country }.map(\.qualifiedName)
        var generator = SplitMix(seed: 2025)
        names.shuffle(using: &generator)
        let sample = Array(names.prefix(5_000))
        var found = 0
        let lookups = seconds {
            for (k, name) in sample.enumerated() {
                let day: CalendarDay = k % 2 == 0 ? .endOf(2022) : .endOf(2026)
                if (try? map.unit(named: name, on: day)) != nil { found += 1 }
            }
        }
        let dataset = (try? Dataset.embedded())
        guard let dataset else { fail("no seeds") }
        var completer: Completer? = nil
        let prepare = seconds { completer = Completer(dataset: dataset, map: map) }
        guard let completer else { fail("no completer") }
        // Prefixes the seeds' regions do not fit, so that Tab searches the whole map (the slow case), and "tan" the commonest start.
        let prefixes = ["successors(\"tan", "region(\"thai ng", "successors(\"phuoc", "region(\"an", "successors(\"xyz"]
        var tabTimes: [Double] = []
        var candidates = 0
        for prefix in prefixes {
            var times: [Double] = []
            for _ in 0..<5 {
                times.append(seconds { candidates = completer.complete(prefix, cursor: prefix.count).candidates.count })
            }
            tabTimes.append(median(times))
        }
        print("""
            {"units": \(map.count), "build_seconds": \(build), "lookups": \(sample.count), "lookups_resolved": \(found), \
            "lookup_microseconds": \(lookups / Double(sample.count) * 1e6), "completer_prepare_seconds": \(prepare), \
            "tab_milliseconds_median": [\(tabTimes.map { String($0 * 1e3) }.joined(separator: ", "))], "last_candidates": \(candidates), \
            "peak_rss_bytes": \(peakMemoryBytes())}
            """)
    }
}

/// A small deterministic generator, so that every run looks up the same names.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
