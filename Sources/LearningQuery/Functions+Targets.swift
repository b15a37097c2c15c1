import LearningData
import LearningTargets

extension Functions {
    static let targetFunctions: [BuiltinFunction] = [
        builtin("target", [Parameter("indicator", "indicator"), Parameter("region", "region"), Parameter("year", "year")], returns: "record",
                topic: "targets",
                summary: "A target against its actual: actual, target, gap, attainment, status, and the stated percentage checked; a target not yet due is projected.",
                example: "target(fund_raised, \"Liên Hương\", 2018)") { (a: inout CallArguments) throws(QueryError) -> Value in
            let (indicator, region, year) = (try a.indicator("indicator"), try a.region("region"), try a.year("year"))
            guard let o = a.dataset.headline(indicator: indicator.id, region: region.id, year: year), let target = o.target else {
                let years = a.dataset.headlineRows(indicator: indicator.id, region: region.id).filter { a.dataset.columns.flags[$0].hasTarget }
                    .map { String(a.dataset.columns.year[$0]) }
                throw a.failure("\(region.qualifiedName) has no target of \(indicator.id) for \(year)",
                                hint: years.isEmpty ? "targets() lists every target" : "it has targets for " + years.joined(separator: ", "))
            }
            var fields: [(String, Value)] = [("indicator", .indicator(indicator)), ("region", .region(region)), ("year", .year(year))]
            fields.append(("target", .target(target, money: indicator.unit.isMoney)))
            if let attainment = Attainment(o) {
                fields += attainmentFields(attainment, indicator)
            } else {
                let projection = TargetProjection(a.dataset, target: o)
                fields += [("actual", .null), ("projected", projected(projection, target, indicator)), ("method", .text(projection.method?.description)),
                           ("status", .text(projection.status.rawValue)), ("reason", .text(projection.reason))]
            }
            if let stated = o.statedPercent {
                fields.append(("stated", .text(stated.text)))
                switch o.percentAgreement {
                case .rounded?: fields.append(("stated_check", .text("agrees (rounded)")))
                case .truncated?: fields.append(("stated_check", .text("agrees (truncated)")))
                case let .disagrees(difference)?:
                    fields.append(("stated_check", .text("disagrees")))
                    fields.append(("stated_minus_computed", .points(difference)))
                case nil: fields.append(("stated_check", .text("cannot be checked")))
                }
            }
            return .record(Record(fields))
        },
        builtin("targets", [Parameter("year", "year", optional: true), Parameter("indicator", "indicator", optional: true)], returns: "table",
                columns: TargetColumns.names, topic: "targets",
                summary: "Every target in the data (or of one year, or one indicator): met, exceeded or missed when the actual is known, projected when it is not; by year, region and indicator.",
                example: "targets(2021)") { (a: inout CallArguments) throws(QueryError) -> Value in
            let rows = TargetReport.rows(a.dataset, year: try a.optionalYear("year"), indicator: a.has("indicator") ? try a.indicator("indicator").id : nil)
            return .table(Table(targets: a.dataset, rows: rows.map { Int32($0) },
                                notes: ["actual and attainment for rate targets are in percent; a target not yet due is projected from earlier years"]))
        },
        builtin("audit", [Parameter("all", "boolean", optional: true)], returns: "table",
                columns: ["region", "indicator", "year", "stated", "computed", "difference", "verdict", "quote"], topic: "targets",
                summary: "Stated percentages recomputed from their own numbers: those that disagree (all of them with all: true), with both figures and the quote.",
                example: "audit()") { (a: inout CallArguments) throws(QueryError) -> Value in
            let all: Bool
            switch a.raw("all") {
            case .null: all = false
            case let .bool(b): all = b
            case let other: throw a.wrongType("all", expected: "true or false", got: other, at: a.span("all"))
            }
            let audit = PercentageAudit(a.dataset)
            let findings = all ? audit.findings : audit.disagreements
            return .table(Table(columns: [
                Column("region", findings.map { f in a.dataset.gazetteer[f.observation.region].map(Value.region) ?? .null }),
                Column("indicator", findings.map { f in a.dataset.catalogue[f.observation.indicator].map(Value.indicator) ?? .null }),
                Column("year", findings.map { .year($0.observation.year) }),
                Column("stated", findings.map { .text($0.stated.text) }),
                Column("computed", findings.map { $0.computed.map(Value.percent) ?? .null }),
                Column("difference", findings.map { if case let .disagrees(points) = $0.verdict { return .points(points) } else { return .null } }),
                Column("verdict", findings.map { .text(verdict($0.verdict)) }),
                Column("quote", findings.map { .text($0.observation.provenance?.quote) }),
            ], notes: ["difference = stated − computed, in percentage points; the source is kept as printed"]
                + (a.dataset.superseded.map { ["\($0.count) figure\($0.count == 1 ? " is" : "s are") also given, differently, by another document: conflicts() lists them"] } ?? [])))
        },
        builtin("check", [], returns: "table", columns: CheckTable.columns,
                topic: "targets", summary: "Rule violations (recognised ≤ total, ≤ registered, no negatives, parts ≤ whole...) and disagreements between rows (a denominator implied by a stated percentage that jumps between years; one number printed for two figures of a document), most important first, each with its quote and the row it disagrees with.",
                example: "check()") { (a: inout CallArguments) throws(QueryError) -> Value in
            .table(CheckTable.table(a.dataset))
        },
    ]

    static func verdict(_ v: PercentageVerdict) -> String {
        switch v {
        case .rounded: "agrees (rounded)"
        case .truncated: "agrees (truncated)"
        case .disagrees: "disagrees"
        case let .uncheckable(reason): "cannot be checked: \(reason)"
        }
    }

    static func actual(_ a: Attainment, _ indicator: Indicator) -> Value {
        a.target.isRate ? .percent(a.actual) : .figure(a.actual, unit: indicator.unit)
    }

    static func attainmentFields(_ a: Attainment, _ indicator: Indicator) -> [(String, Value)] {
        var fields: [(String, Value)] = [("actual", actual(a, indicator))]
        if a.target.isRate {
            fields.append(("gap", .points(a.gap)))
            if a.rateSource == .stated { fields.append(("actual_from", .text("the stated percentage"))) }
        } else {
            fields.append(("gap", .figure(a.gap, unit: indicator.unit)))
        }
        fields.append(("attainment", a.percentOfTarget.map(Value.percent) ?? .null))
        fields.append(("status", .text(a.status.rawValue)))
        if let shortfall = a.shortfall {
            fields.append(("shortfall", a.target.isRate ? .points(shortfall) : .figure(shortfall, unit: indicator.unit)))
        }
        if let units = a.unitsShort { fields.append(("units_short", .number(units))) }
        return fields
    }

    static func projected(_ p: TargetProjection, _ target: Target, _ indicator: Indicator) -> Value {
        guard let x = p.projected else { return .null }
        return target.isRate ? .percent(x) : .figure(x, unit: indicator.unit)
    }
}
