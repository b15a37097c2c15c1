/// Levenshtein distance between two strings, counted in Unicode scalars.
///
/// Used for "did you mean …?" hints on folded names, so callers fold both sides first. The cost is
/// O(|a|·|b|) in time and O(|b|) in memory; names are short.
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

/// The candidates closest to `query` (all compared folded), nearest first, within a distance that
/// grows with the length of the query: a hint, never a silent correction.
public func closestMatches(to query: String, among candidates: [String], limit: Int = 3) -> [String] {
    let key = VietnameseText.fold(query)
    guard !key.isEmpty else { return [] }
    let allowed = max(2, key.unicodeScalars.count / 3)
    var scored: [(distance: Int, name: String)] = []
    for candidate in candidates {
        let folded = VietnameseText.fold(candidate)
        let distance = folded.hasPrefix(key) ? 1 : editDistance(key, folded)
        if distance <= allowed { scored.append((distance, candidate)) }
    }
    scored.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.name < $1.name }
    var seen = Set<String>()
    return scored.map(\.name).filter { seen.insert($0).inserted }.prefix(limit).map { $0 }
}
