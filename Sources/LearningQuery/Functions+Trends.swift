import LearningData
import LearningTrends

extension Functions {
    static let trendFunctions: [BuiltinFunction] = [
        builtin("within", [Parameter("series", "series"), Parameter("period", "period or year")], returns: "series", columns: SeriesTable.columns,
                topic: "trends", summary: "The points of a series in a period: a year, `latest`, or `last(N)`.",
                example: "series(learning_family, \"Liên Hương\") | within(latest)") { (a: inout CallArguments) throws(QueryError) -> Value in
            let series = try a.series("series")
            let period: RelativePeriod
            switch a.raw("period") {
            case let .period(p): period = p
            default: period = .year(try a.year("period"))
            }
            return .series(Series(indicator: series.indicator, region: series.region, points: series.points(in: period)))
        },
        builtin("change", [Parameter("series", "series"), Parameter("from", "year"), Parameter("to", "year")], returns: "record", topic: "trends",
                summary: "The change between two years: absolute, in percent, and for rates in percentage points.",
                example: "series(learning_family, \"lien huong\") | change(2016, 2018)") { (a: inout CallArguments) throws(QueryError) -> Value in
            let series = try a.series("series")
            let (from, to) = (try a.year("from"), try a.year("to"))
            do throws(ChangeError) {
                return .record(changeRecord(try series.change(from: from, to: to), series))
            } catch {
                throw a.failure(error.description)
            }
        },
        builtin("yoy", [Parameter("series", "series")], returns: "table", columns: ["from", "to", "years", "change", "change_percent", "change_points"],
                topic: "trends", summary: "Year-over-year change between consecutive figures; a step over a gap spans its real number of years.",
                example: "series(learning_family, \"Liên Hương\") | yoy()") { (a: inout CallArguments) throws(QueryError) -> Value in
            let series = try a.series("series")
            let steps = series.yearOverYear
            return .table(Table(columns: [
                Column("from", steps.map { .year($0.fromYear) }), Column("to", steps.map { .year($0.toYear) }),
                Column("years", steps.map { .number(Double($0.years)) }),
                Column("change", steps.map { .figure($0.absolute, unit: series.indicator.unit) }),
                Column("change_percent", steps.map { $0.relativePercent.map(Value.percent) ?? .null }),
                Column("change_points", steps.map { $0.ratePoints.map(Value.points) ?? .null }),
            ]))
        },
        builtin("cagr", [Parameter("series", "series"), Parameter("from", "year", optional: true), Parameter("to", "year", optional: true)],
                returns: "percent", topic: "trends",
                summary: "Compound annual growth of the value over the real number of years (first to last figure by default), in percent a year.",
                example: "series(learning_family, \"Liên Hương\") | cagr()") { (a: inout CallArguments) throws(QueryError) -> Value in
            let series = try a.series("series")
            guard let first = series.points.first?.year, let last = series.points.last?.year, first != last else {
                throw a.failure("growth needs figures in two different years; this series has \(series.points.count)")
            }
            let (from, to) = (try a.optionalYear("from") ?? first, try a.optionalYear("to") ?? last)
            let rate: Double?
            do throws(ChangeError) { rate = try series.cagr(from: from, to: to) } catch { throw a.failure(error.description) }
            if rate == nil { a.context.warn("W303", "growth is undefined when a value is zero or missing", at: a.callSpan) }
            return rate.map(Value.percent) ?? .null
        },
        builtin("trend", [Parameter("series", "series"), Parameter("of", "\"value\" or \"rate\"", optional: true), Parameter("min_points", "number", optional: true)],
                returns: "record", topic: "trends",
                summary: "The least-squares line through the figures (or rates): slope a year, intercept, r²; needs three years unless min_points says fewer.",
                example: "series(learning_family, \"Liên Hương\") | trend(of: \"rate\", min_points: 2)") { (a: inout CallArguments) throws(QueryError) -> Value in
            let series = try a.series("series")
            let trend = try fit(&a, series)
            let slope: Value = trend.quantity == .rate ? .points(trend.slope * 100) : .figure(trend.slope, unit: series.indicator.unit)
            return .record(Record([("of", .text(trend.quantity.rawValue)), ("slope_per_year", slope),
                                   ("r_squared", .number(trend.rSquared)), ("years", .list(trend.years.map(Value.year)))]))
        },
        builtin("project", [Parameter("series", "series"), Parameter("year", "year"), Parameter("of", "\"value\" or \"rate\"", optional: true),
                            Parameter("min_points", "number", optional: true)], returns: "record", topic: "trends",
                summary: "What the linear trend gives for a year: a projection when the year lies outside the fitted ones.",
                example: "series(learning_family, \"Liên Hương\") | project(2020, of: \"rate\", min_points: 2)") { (a: inout CallArguments) throws(QueryError) -> Value in
            let series = try a.series("series")
            let year = try a.year("year")
            let trend = try fit(&a, series)
            let y = trend.value(at: year)
            let projected: Value = trend.quantity == .rate ? .percent(y * 100) : .figure(y, unit: series.indicator.unit)
            let method = "linear trend over \(trend.years.count) years (" + trend.years.map(String.init).joined(separator: ", ") + ")"
            if trend.quantity == .rate, y < 0 || y > 1 {
                a.context.warn("W304", "a straight line projects a rate of \(NumberWriter.percent(y * 100, style: .vi, fractionDigits: 2)) for \(year), which no rate can be; a linear trend ignores the 0–100% bounds",
                               at: a.callSpan, hint: "read it as “the pace of 2016–2018 would have reached 100% before \(year)”")
            }
            return .record(Record([("year", .year(year)), ("projected", projected), ("method", .text(method)),
                                   ("extrapolated", .bool(trend.isProjection(year))), ("r_squared", .number(trend.rSquared))]))
        },
        builtin("fill", [Parameter("series", "series"), Parameter("method", "\"carry_forward\" or \"linear\"")], returns: "series",
                columns: SeriesTable.columns, topic: "trends",
                summary: "The series with its gaps filled by the method named, inside the known years only; filled points are marked.",
                example: "series(learning_family, \"Liên Hương\") | fill(\"linear\")") { (a: inout CallArguments) throws(QueryError) -> Value in
            let series = try a.series("series")
            let method = try a.choice("method", default: FillMethod.linear, FillMethod.init(name:), options: ["carry_forward", "linear"])
            return .series(series.filled(method))
        },
        builtin("rollup", [Parameter("indicator", "indicator"), Parameter("year", "year"), Parameter("level", "text"),
                           Parameter("within", "region", optional: true), Parameter("combine", "\"ratio_of_sums\" or \"mean_of_rates\"", optional: true),
                           Parameter("periods", "\"years\", \"any\" or a period such as \"2016-2020\"", optional: true),
                           Parameter("as_of", "year or date", optional: true), Parameter("split", "\"refuse\" or \"area\"", optional: true)],
                returns: "table", columns: RollupColumns.names, topic: "trends",
                summary: "An indicator rolled up to the regions of a level: each region's own figure where it reports one (beside the sum below it, a difference flagged), "
                    + "otherwise the sum of the regions below; value, base and rate each with the regions they rest on, the rate the sum of numerators over the sum of denominators of the regions that give both. "
                    + "Only the year's figures are summed (a half-year's or a term's total is left out, and counted in a note) unless `periods:` asks for a period or for \"any\". "
                    + "`as_of: 2026` (or a date) re-expresses the figures in the units of that day's map: the 2022 figures of provinces that merged in 2025 summed into the province they became, "
                    + "with the units each is made of; a unit divided between several is not apportioned but named, unless `split: \"area\"` shares it out by the areas of the units it went into (an estimate, marked “about”).",
                example: "rollup(learning_family, 2018, \"province\")") { (a: inout CallArguments) throws(QueryError) -> Value in
            let indicator = try a.indicator("indicator")
            guard let level = try a.level("level") else { throw a.failure("rollup needs a level") }
            let within = a.has("within") ? try a.region("within").id : nil
            let combine = try a.choice("combine", default: RateCombination.ratioOfSums, RateCombination.init(rawValue:), options: ["ratio_of_sums", "mean_of_rates"])
            let year = try a.year("year")
            let periods = try a.periodChoice("periods")
            if let y = periods.year, y != year {
                throw a.failure("the period \(periods) is filed under \(y), not \(year)", hint: "roll up year \(y)")
            }
            if a.has("split"), !a.has("as_of") { throw a.failure("split applies with as_of: it says what to do with a unit divided in 2025") }
            if let day = try a.day("as_of") {
                guard !a.has("within"), !a.has("combine") else { throw a.failure("as_of takes neither within nor combine yet") }
                let split = try a.choice("split", default: ReexpressedRollup.SplitRule.refuse, ReexpressedRollup.SplitRule.init(rawValue:), options: ["refuse", "area"])
                do throws(RollupError) {
                    return .table(ReexpressedRollupColumns.table(try ReexpressedRollup(a.dataset, indicator: indicator.id, year: year, level: level, asOf: day,
                                                                                       periods: periods, split: split), dataset: a.dataset))
                } catch {
                    throw a.failure(error.description)
                }
            }
            do throws(RollupError) {
                return .table(RollupColumns.table(try RollupResult(a.dataset, indicator: indicator.id, year: year, level: level, within: within,
                                                                   combination: combine, periods: periods), dataset: a.dataset))
            } catch {
                throw a.failure(error.description)
            }
        },
        builtin("outliers", [Parameter("indicator", "indicator"), Parameter("year", "year"), Parameter("level", "text", optional: true),
                             Parameter("method", "\"modified_z\", \"z\" or \"minmax\"", optional: true), Parameter("of", "\"value\" or \"rate\"", optional: true)],
                returns: "table", columns: ["region", "value", "score", "outlier"], topic: "trends",
                summary: "Unusual regions in one year by modified z-score (z-score or min-max on request), with a warning when there are too few to judge.",
                example: "outliers(members, 2022)") { (a: inout CallArguments) throws(QueryError) -> Value in
            let indicator = try a.indicator("indicator")
            let method = try a.choice("method", default: OutlierMethod.standard, OutlierMethod.init(name:), options: ["modified_z", "z", "minmax"])
            let quantity = try a.choice("of", default: LinearTrend.Quantity.value, LinearTrend.Quantity.init(rawValue:), options: ["value", "rate"])
            let report = OutlierReport(a.dataset, indicator: indicator.id, year: try a.year("year"), level: try a.level("level"), quantity: quantity, method: method)
            let value: (Double) -> Value = { quantity == .rate ? .percent($0 * 100) : .figure($0, unit: indicator.unit) }
            var notes = ["method: \(report.method)"]
            if let warning = report.warning { notes.append("warning: \(warning)") }
            return .table(Table(columns: [
                Column("region", report.scores.map { .text($0.label) }), Column("value", report.scores.map { value($0.value) }),
                Column("score", report.scores.map { .number($0.score) }), Column("outlier", report.scores.map { .bool($0.isOutlier) }),
            ], notes: notes))
        },
    ]

    static func fit(_ a: inout CallArguments, _ series: Series) throws(QueryError) -> LinearTrend {
        let quantity = try a.choice("of", default: LinearTrend.Quantity.value, LinearTrend.Quantity.init(rawValue:), options: ["value", "rate"])
        let minimum = a.has("min_points") ? try a.integer("min_points", in: 2...1_000) : 3
        do {
            return try series.trend(quantity, minimumPoints: minimum)
        } catch {
            throw a.failure(error.description, hint: minimum > 2 ? "to draw the straight line through two years, add min_points: 2" : nil)
        }
    }

    static func changeRecord(_ c: Change, _ series: Series) -> Record {
        let unit = series.indicator.unit
        return Record([
            ("indicator", .indicator(series.indicator)), ("region", .region(series.region)),
            ("from", .year(c.fromYear)), ("to", .year(c.toYear)), ("years", .number(Double(c.years))),
            ("from_value", .figure(c.fromValue, unit: unit)), ("to_value", .figure(c.toValue, unit: unit)),
            ("change", .figure(c.absolute, unit: unit)), ("change_percent", c.relativePercent.map(Value.percent) ?? .null),
            ("cagr", c.cagrPercent.map(Value.percent) ?? .null),
            ("from_rate", .rate(c.fromRate)), ("to_rate", .rate(c.toRate)), ("change_points", c.ratePoints.map(Value.points) ?? .null),
        ])
    }
}
