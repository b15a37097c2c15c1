/// Edit distance between two strings, counted in Unicode scalars: insertions, deletions,
/// substitutions and swaps of two neighbours ("yaer" is one edit from "year"), each costing one
/// (the optimal-string-alignment distance).
///
/// Used for "did you mean …?" hints on folded names, so callers fold both sides first. The cost is
/// O(|a|·|b|) in time and O(|b|) in memory; names are short.
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var beforePrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { current[j] = min(current[j], beforePrevious[j - 2] + 1) }
        }
        (beforePrevious, previous, current) = (previous, current, beforePrevious)
    }
    return previous[b.count]
}

/// The same distance between two sequences of scalars when it is at most `limit`, nil otherwise:
/// only the diagonal band of width 2·limit + 1 is filled, and the work stops as soon as a whole row
/// is over the limit, so a long or far-off name costs O(length · limit), not O(length²).
package func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int? {
    guard abs(a.count - b.count) <= limit else { return nil }
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    let outside = limit + 1
    var previous = (0...b.count).map { $0 <= limit ? $0 : outside }
    var current = [Int](repeating: outside, count: b.count + 1)
    var beforePrevious = [Int](repeating: outside, count: b.count + 1)
    for i in 1...a.count {
        let low = max(1, i - limit), high = min(b.count, i + limit)
        current[low - 1] = low == 1 && i <= limit ? i : outside
        var best = current[low - 1]
        for j in low...high {
            let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            var value = min(substitution, previous[j] + 1, current[j - 1] + 1, outside)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { value = min(value, beforePrevious[j - 2] + 1) }
            current[j] = value
            best = min(best, value)
        }
        if high < b.count { current[high + 1] = outside }
        guard best <= limit else { return nil }
        (beforePrevious, previous, current) = (previous, current, beforePrevious)
    }
    return previous[b.count] <= limit ? previous[b.count] : nil
}

/// The candidates closest to `query` (all compared folded), nearest first, within a distance that
/// grows with the length of the query: a hint, never a silent correction. Candidates whose length
/// alone puts them out of reach are skipped before any distance is computed.
public func closestMatches(to query: String, among candidates: [String], limit: Int = 3) -> [String] {
    // A name within reach of a candidate is at most about 1.5 times as long as it: a far longer query
    // (a pasted paragraph, a megabyte of input) is not folded or compared at all.
    let longest = candidates.lazy.map { $0.unicodeScalars.count }.max() ?? 0
    guard query.unicodeScalars.count <= 4 * longest + 8 else { return [] }
    let key = VietnameseText.fold(query)
    guard !key.isEmpty else { return [] }
    let keyScalars = Array(key.unicodeScalars)
    let allowed = max(2, keyScalars.count / 3)
    var scored: [(distance: Int, name: String)] = []
    for candidate in candidates {
        let folded = VietnameseText.fold(candidate)
        if folded.hasPrefix(key) { scored.append((folded == key ? 0 : 1, candidate)); continue }
        let scalars = Array(folded.unicodeScalars)
        if let distance = editDistance(keyScalars, scalars, limit: allowed) { scored.append((distance, candidate)) }
    }
    scored.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.name < $1.name }
    var seen = Set<String>()
    return scored.map(\.name).filter { seen.insert($0).inserted }.prefix(limit).map { $0 }
}
