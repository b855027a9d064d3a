import PathwayMachinery

/// Shares written as decimals with three digits, computed in integers.
public enum Ratio {
    /// `n / d` in per mille, rounded half up; `nil` when `d` is 0.
    public static func perMille(_ n: Int, _ d: Int) -> Int? {
        d == 0 ? nil : (n * 2000 + d) / (d * 2)
    }

    /// `0.815`.
    package static func decimal(_ perMille: Int?) -> String? {
        perMille.map { FixedPoint.format(Int64($0), scale: 3, trimZeros: true) }
    }

    /// `81,5 %`.
    package static func percent(_ perMille: Int?) -> String {
        perMille.map { FixedPoint.format(Int64($0), scale: 1, trimZeros: false).replacingDot() + " %" } ?? "—"
    }
}
