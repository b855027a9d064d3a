/// Money in integer cents. Pathway never computes money in binary floating point.
public struct Cents: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var value: Int64

    public init(_ value: Int64) { self.value = value }

    public static let zero = Cents(0)

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

/// Reading and writing decimal numbers as scaled integers, from bytes, with no floating point.
enum FixedPoint {
    enum ParseError: Error, Equatable {
        case notANumber
        case tooManyDecimals
        case outOfRange
    }

    /// Parses a JSON number token as an integer scaled by 10^`scale`.
    /// - Parameter rounding: when true, extra decimals are rounded half up; otherwise they
    ///   are an error (``ParseError/tooManyDecimals``), unless they are zeros.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, scale: Int, rounding: Bool) -> Result<Int64, ParseError> {
        var index = 0
        let count = bytes.count
        var negative = false
        if index < count, bytes[index] == UInt8(ascii: "-") { negative = true; index += 1 }
        var digits: [UInt8] = []
        digits.reserveCapacity(24)
        var fractionDigits = 0
        var sawDigit = false
        while index < count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            digits.append(bytes[index] - 0x30); index += 1; sawDigit = true
        }
        guard sawDigit else { return .failure(.notANumber) }
        if index < count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            var sawFraction = false
            while index < count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                digits.append(bytes[index] - 0x30); index += 1; fractionDigits += 1; sawFraction = true
            }
            guard sawFraction else { return .failure(.notANumber) }
        }
        var exponent = 0
        if index < count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            var expNegative = false
            if index < count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                expNegative = bytes[index] == UInt8(ascii: "-"); index += 1
            }
            var sawExp = false
            while index < count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                if exponent < 10_000 { exponent = exponent * 10 + Int(bytes[index] - 0x30) }
                index += 1; sawExp = true
            }
            guard sawExp else { return .failure(.notANumber) }
            if expNegative { exponent = -exponent }
        }
        guard index == count else { return .failure(.notANumber) }
        // value = digits × 10^(exponent − fractionDigits); we want value × 10^scale.
        let shift = exponent - fractionDigits + scale
        var keep = digits.count + min(shift, 0)
        if keep < 0 { keep = 0 }
        var result: Int64 = 0
        for digit in digits.prefix(keep) {
            let (m, o1) = result.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int64(digit))
            if o1 || o2 { return .failure(.outOfRange) }
            result = a
        }
        if shift > 0 {
            for _ in 0..<shift {
                let (m, o) = result.multipliedReportingOverflow(by: 10)
                if o { return .failure(.outOfRange) }
                result = m
            }
        }
        let dropped = digits.dropFirst(keep)
        if dropped.contains(where: { $0 != 0 }) {
            guard rounding else { return .failure(.tooManyDecimals) }
            if keep < digits.count, digits[keep] >= 5 { result += 1 }
        }
        return .success(negative ? -result : result)
    }

    /// Writes `value / 10^scale` in decimal, with `scale` decimals, or the fewest needed.
    static func format(_ value: Int64, scale: Int, trimZeros: Bool) -> String {
        var divisor: Int64 = 1
        for _ in 0..<scale { divisor *= 10 }
        let magnitude = value.magnitude
        let whole = magnitude / UInt64(divisor)
        var fraction = String(magnitude % UInt64(divisor))
        fraction = String(repeating: "0", count: scale - fraction.count) + fraction
        if trimZeros {
            while fraction.last == "0" { fraction.removeLast() }
        }
        let sign = value < 0 ? "-" : ""
        return fraction.isEmpty ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }
}
