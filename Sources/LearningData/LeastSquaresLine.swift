/// The least-squares straight line through points (x, y): the one fitting routine the analytics
/// modules share, so that a trend and a target projection can never disagree on arithmetic.
public struct LeastSquaresLine: Hashable, Sendable {
    /// Change in y per unit of x.
    public let slope: Double
    /// y at x = 0.
    public let intercept: Double
    /// Share of the variance of y the line explains, 0…1; 1 when y does not vary.
    public let rSquared: Double

    /// Fits the line; nil for fewer than two points. Equal x everywhere gives a flat line.
    public init?(_ points: [(x: Double, y: Double)]) {
        guard points.count >= 2 else { return nil }
        let n = Double(points.count)
        let meanX = points.reduce(0) { $0 + $1.x } / n
        let meanY = points.reduce(0) { $0 + $1.y } / n
        var sxx = 0.0, sxy = 0.0, syy = 0.0
        for (x, y) in points {
            let dx = x - meanX, dy = y - meanY
            sxx += dx * dx
            sxy += dx * dy
            syy += dy * dy
        }
        slope = sxx == 0 ? 0 : sxy / sxx
        intercept = meanY - slope * meanX
        rSquared = syy == 0 || sxx == 0 ? 1 : (sxy * sxy) / (sxx * syy)
    }

    /// The line's y at x.
    public func y(at x: Double) -> Double { intercept + slope * x }
}
