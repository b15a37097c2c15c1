// Fuzz target: regions.csv as a user gives it; the regions it gives are looked up by id and name, and
// the seeds' figures are read against them by both figures readers, which must agree.

@testable import LearningData
import FuzzSupport

/// A figures file for the regions to be tried on: every headline figure of the seeds by region id,
/// without quotes (checking them against the reports is FuzzFigures' work, and costs most of a read),
/// and one row per seed region by name, for lookups by name.
private let compactFigures: [UInt8] = {
    let seeds = SeedData.dataset
    var lines = ["region,indicator,year,value"]
    for row in 0..<seeds.count where seeds.scope(at: row) == nil {
        guard let value = seeds.value(at: row) else { continue }
        lines.append("\(seeds.region(at: row).id),\(seeds.indicator(at: row).id),\(seeds.columns.year[row]),\(PlainNumber.format(value))")
    }
    for (k, region) in seeds.gazetteer.regions.enumerated() {
        lines.append("\"\(region.name)\",members,\(1950 + k),\(k + 1)")
    }
    return Array((lines.joined(separator: "\n") + "\n").utf8)
}()

/// That file, written once for the stream reader, which reads from a path.
private let figures: ScratchFile = {
    let file = ScratchFile("regions-figures")
    guard file.write(compactFigures) else { fatalError("cannot write \(file.path)") }
    return file
}()

/// The ways the stream reader cuts it; each input gets one, chosen by its length.
private let cuts: [ReaderAgreement.Cut] = [.small, .whole]

/// Regions looked up per input: enough to reach every kind of region, few enough to stay fast.
private let lookups = 64

/// One input: the bytes of a regions file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRegions(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let gazetteer: Gazetteer
    do {
        gazetteer = try RegionsFileReader.read(SourceFile(name: "regions.csv", bytes: FuzzInput.bytes(data, size)))
    } catch {
        _ = error.description
        return 0
    }
    for region in gazetteer.regions.prefix(lookups) {
        invariant(gazetteer[region.id]?.id == region.id, "region \(region.id) is not found by its id")
        invariant(gazetteer.ancestors(of: region.id).count < gazetteer.count, "region \(region.id) has more ancestors than there are regions")
        // A name may be shared, so a lookup may throw; it must not trap, and what it finds must have the name.
        if let found = try? gazetteer.lookup(region.name) {
            invariant(gazetteer[found.id] != nil, "lookup(\(region.name)) found \(found.id), which is not in the gazetteer")
        }
        _ = gazetteer.search(region.name)
    }
    ReaderAgreement.check(figures: compactFigures, in: figures, gazetteer: gazetteer, cuts: [cuts[size % cuts.count]])
    return 0
}
