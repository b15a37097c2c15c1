import Foundation
import LearningData

/// Provinces, districts and communes with Vietnamese-looking names (diacritics included), made from
/// syllables; every region's evidence says it is synthetic.
struct SyntheticGeography {
    static let syllables = ["An", "Bình", "Hòa", "Tân", "Phú", "Long", "Thạnh", "Hưng", "Mỹ", "Đông", "Tây", "Nam", "Bắc",
                            "Quảng", "Vĩnh", "Thái", "Hải", "Sơn", "Lạc", "Yên", "Phước", "Thuận", "Lộc", "Trung", "Hiệp",
                            "Khánh", "Định", "Xuân", "Thủy", "Cẩm", "Đức", "Thịnh", "Gia", "Hồng", "Kim", "Lâm", "Minh"]

    var regions: [Region] = []
    /// The units the figures are for: communes, or villages below them.
    var communes: [RegionID] = []

    /// Vietnam's real units valid on a day (provinces, districts where the day has them, communes),
    /// with `villagesPerCommune` made-up villages (thôn) below each commune when more than one is
    /// needed for the size asked: the figures are for the villages then. The units are real; their
    /// evidence says the figures are not.
    init(map: NationalMap, on day: CalendarDay, villagesPerCommune: Int) {
        let units = map.units.filter { $0.isValid(on: day) }
        regions = units.map { unit in
            Region(id: unit.id, name: unit.name, kind: unit.kind, parent: unit.parent,
                   evidence: unit.kind == .country ? "synthetic" : "synthetic figures for the real \(unit.qualifiedName) (code \(unit.code))")
        }
        for unit in units where unit.level == .commune {
            guard villagesPerCommune > 1 else { communes.append(unit.id); continue }
            for v in 1...villagesPerCommune {
                let id = RegionID("\(unit.id)/thon-\(v)")
                regions.append(Region(id: id, name: "Thôn \(v)", kind: .village, parent: unit.id, evidence: "synthetic"))
                communes.append(id)
            }
        }
    }

    init(provinces: Int, districtsPerProvince: Int, communesPerDistrict: Int, random: inout SynthRandom) {
        regions.append(Region(id: "vn", name: "Việt Nam", kind: .country, parent: nil, evidence: "synthetic"))
        for p in 1...provinces {
            let province = RegionID(String(format: "p%02d", p))
            regions.append(Region(id: province, name: Self.name(&random, index: p), kind: .province, parent: "vn", evidence: "synthetic"))
            for d in 1...districtsPerProvince {
                let district = RegionID("\(province)/d\(d)")
                let kind = random.pick([AdministrativeKind.ruralDistrict, .ruralDistrict, .ruralDistrict, .urbanDistrict, .districtTown, .provincialCity])
                regions.append(Region(id: district, name: Self.name(&random, index: d), kind: kind, parent: province, evidence: "synthetic"))
                for c in 1...communesPerDistrict {
                    let commune = RegionID("\(district)/c\(c)")
                    let kind: AdministrativeKind = kind == .ruralDistrict ? random.pick([.commune, .commune, .commune, .township]) : .ward
                    regions.append(Region(id: commune, name: Self.name(&random, index: c), kind: kind, parent: district, evidence: "synthetic"))
                    communes.append(commune)
                }
            }
        }
    }

    /// Two syllables and, to keep siblings apart, the sibling's number ("Phú Thạnh 7").
    static func name(_ random: inout SynthRandom, index: Int) -> String {
        "\(random.pick(syllables)) \(random.pick(syllables)) \(index)"
    }
}
