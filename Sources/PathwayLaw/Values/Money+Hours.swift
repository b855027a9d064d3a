import PathwayMachinery
/// Money in integer cents. Pathway never computes money in binary floating point.
public struct Cents: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var value: Int64

    public init(_ value: Int64) { self.value = value }

    public static let zero = Cents(0)

    /// Euros written with at most two decimals (`646.52`), or `nil`.
    public static func parse(_ text: String) -> Cents? {
        guard case .success(let value) = FixedPoint.parse(text: text, scale: 2) else { return nil }
        return Cents(value)
    }

    /// `646.52`: euros with two decimals, as the JSON report writes them.
    public var description: String { FixedPoint.format(value, scale: 2, trimZeros: false) }

    public static func < (lhs: Cents, rhs: Cents) -> Bool { lhs.value < rhs.value }
    public static func + (lhs: Cents, rhs: Cents) -> Cents { Cents(lhs.value + rhs.value) }
    public static func += (lhs: inout Cents, rhs: Cents) { lhs.value += rhs.value }
}

/// Hours in hundredths of an hour (`1.5` is 150). Values with more decimals are rounded half
/// up to the hundredth (36 seconds) when read.
public struct Hours: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var hundredths: Int

    public init(hundredths: Int) { self.hundredths = hundredths }
    public init(_ whole: Int) { self.hundredths = whole * 100 }

    public static let zero = Hours(hundredths: 0)

    /// `17.5`, `15`: the shortest decimal form.
    public var description: String { FixedPoint.format(Int64(hundredths), scale: 2, trimZeros: true) }

    public static func < (lhs: Hours, rhs: Hours) -> Bool { lhs.hundredths < rhs.hundredths }
    public static func + (lhs: Hours, rhs: Hours) -> Hours { Hours(hundredths: lhs.hundredths + rhs.hundredths) }
    public static func += (lhs: inout Hours, rhs: Hours) { lhs.hundredths += rhs.hundredths }
}
