import Foundation
import LearningData

/// Provinces, districts and communes with Vietnamese-looking names (diacritics included), made from
/// syllables; every region's evidence says it is synthetic.
struct SyntheticGeography {
    static let syllables = ["An", "Bình", "Hòa", "Tân", "Phú", "Long", "Thạnh", "Hưng", "Mỹ", "Đông", "Tây", "Nam", "Bắc",
                            "Quảng", "Vĩnh", "Thái", "Hải", "Sơn", "Lạc", "Yên", "Phước", "Thuận", "Lộc", "Trung", "Hiệp",
                            "Khánh", "Định", "Xuân", "Thủy", "Cẩm", "Đức", "Thịnh", "Gia", "Hồng", "Kim", "Lâm", "Minh"]

    var regions: [Region] = []
    var communes: [RegionID] = []

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
