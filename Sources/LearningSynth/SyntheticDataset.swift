import Foundation
import LearningData

/// A deterministic synthetic national dataset in the schema of `seeds/figures.csv`: provinces >
/// districts > communes, the twelve headline indicators with plausible bases, values, targets and
/// trends, about 3 % of observations missing, and some stated percentages deliberately wrong.
///
/// Every region's evidence says `synthetic` (on the real map: "synthetic figures for the real …"), and so does the folder's `README.txt`: these figures are
/// for testing and benchmarks, never for analysis. (Rows carry no mark of their own: a column on every
/// row would have to be kept, as the loader keeps every column it is given.)
public struct SyntheticDataset: Sendable {
    /// The size and the seed.
    public struct Options: Sendable {
        /// Invented provinces, districts and communes (the sizes below), or Vietnam's real units of a
        /// day (then `provinces`, `districtsPerProvince` and `communesPerDistrict` are the map's, and
        /// `villagesPerCommune` makes it larger).
        public enum Geography: Sendable, Hashable {
            case invented
            case real(asOf: CalendarDay)
        }
        public var geography = Geography.invented
        /// With the real map: made-up villages per commune, the figures' units when more than one.
        public var villagesPerCommune = 1
        public var provinces = 34
        public var districtsPerProvince = 21
        public var communesPerDistrict = 15
        public var years: ClosedRange<Int> = 2014...2029
        public var seed: UInt64 = 20_261_123
        /// The share of observations left out.
        public var missing = 0.03
        /// The share of stated percentages printed wrong.
        public var wrongStated = 0.005

        public init() {}

        /// Options sized for about `observations` rows: on the real map of a day, by the number of
        /// villages per commune (communes alone for up to about 1,9 M rows over 16 years); invented,
        /// by the number of communes per district.
        public static func sized(_ observations: Int, years: ClosedRange<Int> = 2014...2029, seed: UInt64 = 20_261_123,
                                 realMapAsOf day: CalendarDay? = nil) -> Options {
            var o = Options()
            o.years = years
            o.seed = seed
            if let day {
                o.geography = .real(asOf: day)
                let communes = NationalMap.embedded.units(on: day, level: .commune).count
                let perCommune = Double(SyntheticDataset.indicators.count * years.count) * (1 - o.missing)
                o.villagesPerCommune = max(1, Int((Double(observations) / perCommune / Double(max(communes, 1))).rounded()))
                return o
            }
            let perCommune = Double(SyntheticDataset.indicators.count * years.count) * (1 - o.missing)
            o.communesPerDistrict = max(1, Int((Double(observations) / perCommune / Double(o.provinces * o.districtsPerProvince)).rounded()))
            return o
        }
    }

    static let indicators = ["learning_family", "learning_clan", "learning_community", "learning_unit", "learning_citizen", "members",
                             "new_members", "chapters", "fund_raised", "scholarships", "clc_classes", "clc_attendance"]

    /// The figures file's header.
    public static let header = "region,indicator,year,value,base,target,stated_percent\n"

    /// Writes `regions.csv` and `figures.csv` into a folder (made if missing), each through
    /// ``AtomicFile``: a file is the old one or the new one whole, never half written. Returns the
    /// number of observations.
    @discardableResult
    public static func write(to folder: String, options: Options = Options()) throws(AtomicWriteError) -> Int {
        try AtomicFile.createFolder(folder)
        var random = SynthRandom(seed: options.seed)
        let geography: SyntheticGeography
        switch options.geography {
        case .invented:
            geography = SyntheticGeography(provinces: options.provinces, districtsPerProvince: options.districtsPerProvince,
                                           communesPerDistrict: options.communesPerDistrict, random: &random)
        case let .real(day):
            geography = SyntheticGeography(map: .embedded, on: day, villagesPerCommune: options.villagesPerCommune)
        }
        try AtomicFile.write(regionsCSV(geography.regions), to: folder + "/regions.csv")
        try AtomicFile.write(readme, to: folder + "/README.txt")
        var rows = 0
        try AtomicFile.write(to: folder + "/figures.csv") { (out) throws(AtomicWriteError) in
            rows = try writeFigures(geography, options: options, random: &random, to: out)
        }
        return rows
    }

    /// Writes the header and every observation, in blocks of about 4 MB; returns how many.
    private static func writeFigures(_ geography: SyntheticGeography, options: Options, random: inout SynthRandom,
                                     to out: AtomicFileWriter) throws(AtomicWriteError) -> Int {
        var buffer = Array(header.utf8)
        var rows = 0
        for commune in geography.communes {
            var profile = CommuneProfile(&random)
            for (k, year) in options.years.enumerated() {
                let t = Double(k) / Double(max(options.years.count - 1, 1))
                for indicator in indicators {
                    if random.unit() < options.missing { continue }
                    profile.row(indicator, commune: commune.rawValue, year: year, progress: t, wrongStated: options.wrongStated,
                                random: &random, into: &buffer)
                    rows += 1
                }
            }
            if buffer.count > 1 << 22 {
                try out.write(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try out.write(buffer)
        return rows
    }

    /// What the folder is, for whoever opens it.
    static let readme = """
        This folder is SYNTHETIC: khuyenhoc synth generated every region and figure in it, from a seeded random
        generator, for scale tests and benchmarks. None of its figures is real; do not analyse them.

        """

    private static func csvField(_ text: String) -> String {
        text.contains(",") || text.contains("\"") ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    static func regionsCSV(_ regions: [Region]) -> String {
        var lines = ["id,name,kind,parent,aliases,evidence"]
        for r in regions { lines.append("\(r.id),\(r.name),\(r.kind.vietnamese),\(r.parent?.rawValue ?? ""),,\(csvField(r.evidence))") }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// The size and pace of one commune, drawn once, so its figures trend plausibly over the years.
struct CommuneProfile {
    let households: Double, clans: Double, villages: Double, units: Double, population: Double
    let startRate: Double, endRate: Double, fund: Double, growth: Double

    init(_ random: inout SynthRandom) {
        households = random.uniform(800...6_000).rounded()
        clans = random.uniform(5...40).rounded()
        villages = random.uniform(5...20).rounded()
        units = random.uniform(5...30).rounded()
        population = households * random.uniform(3.2...4.2)
        startRate = random.uniform(0.25...0.6)
        endRate = min(0.98, startRate + random.uniform(0.1...0.4))
        fund = random.uniform(20e6...600e6)
        growth = random.uniform(-0.02...0.08)
    }

    mutating func row(_ indicator: String, commune: String, year: Int, progress t: Double, wrongStated: Double,
                      random: inout SynthRandom, into out: inout [UInt8]) {
        let rate = min(1, max(0, startRate + (endRate - startRate) * t + random.uniform(-0.03...0.03)))
        var value = 0.0, base: Double? = nil, target: String? = nil, stated = false
        switch indicator {
        case "learning_family": base = (households * (1 + 0.01 * t)).rounded(); value = (rate * (base ?? 0)).rounded(); target = "75%"; stated = true
        case "learning_clan": base = clans; value = (rate * clans).rounded(); stated = true
        case "learning_community": base = villages; value = (rate * villages).rounded(); target = "85%"; stated = true
        case "learning_unit": base = units; value = (min(1, rate + 0.1) * units).rounded(); stated = true
        case "learning_citizen": base = (households * 0.05).rounded(); value = ((base ?? 0) * min(1, rate + 0.2)).rounded()
        case "members": base = population.rounded(); value = (population * random.uniform(0.05...0.2)).rounded(); stated = true
        case "new_members": value = random.uniform(20...300).rounded(); target = String(Int(random.uniform(50...250)))
        case "chapters": value = (villages + random.uniform(0...10)).rounded()
        case "fund_raised":
            value = (fund * pow(1 + growth, t * 15) * random.uniform(0.8...1.2) / 1e5).rounded() * 1e5
            target = String(Int((fund / 1e6).rounded()) * 1_000_000)
        case "scholarships": value = random.uniform(10...200).rounded(); target = String(Int(random.uniform(20...150)))
        case "clc_classes": value = random.uniform(10...200).rounded()
        default: value = random.uniform(300...6_000).rounded()
        }
        var statedText = ""
        if stated, let base, base > 0 {
            var percent = value / base * 100
            // Some printed percentages are wrong on purpose, as in the real reports.
            if random.unit() < wrongStated { percent += random.pick([-3.0, -1.5, 0.7, 2.5]) }
            statedText = NumberWriter.decimal(max(0, percent), style: .vi, fractionDigits: 2) + "%"
        }
        append(commune, &out); out.append(44)
        append(indicator, &out); out.append(44)
        append(String(year), &out); out.append(44)
        append(String(Int(value)), &out); out.append(44)
        if let base { append(String(Int(base)), &out) }
        out.append(44)
        if let target { append(target, &out) }
        out.append(44)
        if !statedText.isEmpty { out.append(34); append(statedText, &out); out.append(34) }
        out.append(10)
    }

    private func append(_ s: String, _ out: inout [UInt8]) { out.append(contentsOf: s.utf8) }
}
