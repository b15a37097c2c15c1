import LearningData
import LearningTargets

/// The columns of the `targets()` table and how each is read from a dataset row: the attainment
/// straight from the columns (no observation is assembled), the projection only for a target whose
/// actual is not known, and only when its status or method is read.
enum TargetColumns {
    static let names = ["region", "indicator", "year", "period", "scope", "actual", "target", "attainment", "status", "method"]

    static func value(_ dataset: Dataset, row: Int, column: Int) -> Value {
        switch column {
        case 0: return .region(dataset.region(at: row))
        case 1: return .indicator(dataset.indicator(at: row))
        case 2: return .year(Int(dataset.columns.year[row]))
        case 3: return dataset.period(at: row).map { .text($0.description) } ?? .null
        case 4: return .text(dataset.scope(at: row))
        case 5: return Attainment(dataset, row: row).map { Functions.actual($0, dataset.indicator(at: row)) } ?? .null
        case 6: return dataset.target(at: row).map { .target($0, money: dataset.indicator(at: row).unit.isMoney) } ?? .null
        case 7: return Attainment(dataset, row: row)?.percentOfTarget.map(Value.percent) ?? .null
        case 8:
            if let attainment = Attainment(dataset, row: row) { return .text(attainment.status.rawValue) }
            return .text(projection(dataset, row)?.status.rawValue)
        case 9:
            guard Attainment(dataset, row: row) == nil, let p = projection(dataset, row) else { return .null }
            return .text(p.method?.description ?? p.reason)
        default: return .null
        }
    }

    private static func projection(_ dataset: Dataset, _ row: Int) -> TargetProjection? {
        TargetProjection(dataset, target: dataset[row])
    }
}
