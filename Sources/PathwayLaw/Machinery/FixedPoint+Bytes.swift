import PathwayMachinery
/// Reading and writing decimal numbers as scaled integers, from bytes, with no floating point.
package enum FixedPoint {
    package enum ParseError: Error, Equatable {
        case notANumber
        case tooManyDecimals
        case outOfRange
    }

    /// Parses a JSON number token as an integer scaled by 10^`scale`, with no allocation.
    /// - Parameter rounding: when true, extra decimals are rounded half up; otherwise they
    ///   are an error (``ParseError/tooManyDecimals``), unless they are zeros.
    package static func parse(_ bytes: UnsafeBufferPointer<UInt8>, scale: Int, rounding: Bool) -> Result<Int64, ParseError> {
        var index = 0
        let count = bytes.count
        var negative = false
        if index < count, bytes[index] == UInt8(ascii: "-") { negative = true; index += 1 }
        var mantissa: UInt64 = 0
        var significant = 0      // digits kept in the mantissa (leading zeros skipped)
        var fractionDigits = 0
        var sawDigit = false
        var inFraction = false
        while index < count {
            let b = bytes[index]
            if b >= 0x30 && b <= 0x39 {
                sawDigit = true
                if inFraction { fractionDigits += 1 }
                if mantissa != 0 || b != 0x30 {
                    guard significant < 18 else { return .failure(.outOfRange) }
                    mantissa = mantissa * 10 + UInt64(b - 0x30)
                    significant += 1
                }
                index += 1
            } else if b == UInt8(ascii: "."), !inFraction, sawDigit {
                inFraction = true
                index += 1
                guard index < count, bytes[index] >= 0x30, bytes[index] <= 0x39 else { return .failure(.notANumber) }
            } else {
                break
            }
        }
        guard sawDigit else { return .failure(.notANumber) }
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
        // value = mantissa × 10^(exponent − fractionDigits); we want value × 10^scale.
        let shift = exponent - fractionDigits + scale
        var result = mantissa
        if shift > 0 {
            guard mantissa == 0 || shift <= 18 else { return .failure(.outOfRange) }
            for _ in 0..<shift {
                let (m, o) = result.multipliedReportingOverflow(by: 10)
                if o { return .failure(.outOfRange) }
                result = m
            }
        } else if shift < 0 {
            if -shift > 19 {
                guard mantissa == 0 || rounding else { return .failure(.tooManyDecimals) }
                result = 0
            } else {
                var divisor: UInt64 = 1
                for _ in 0..<(-shift) { divisor *= 10 }
                let remainder = mantissa % divisor
                result = mantissa / divisor
                if remainder != 0 {
                    guard rounding else { return .failure(.tooManyDecimals) }
                    if remainder >= (divisor + 1) / 2 { result += 1 }
                }
            }
        }
        guard result <= UInt64(Int64.max) else { return .failure(.outOfRange) }
        return .success(negative ? -Int64(result) : Int64(result))
    }

    /// Writes `value / 10^scale` in decimal, with `scale` decimals, or the fewest needed.
    package static func format(_ value: Int64, scale: Int, trimZeros: Bool) -> String {
        String(unsafeUninitializedCapacity: maximumLength(scale: scale)) { out in
            write(value, scale: scale, trimZeros: trimZeros, to: out.baseAddress!)
        }
    }

    /// The longest text ``write(_:scale:trimZeros:to:)`` writes: a sign, 19 digits, a point
    /// and the decimals.
    package static func maximumLength(scale: Int) -> Int { 22 + scale }

    /// Writes `value / 10^scale` in decimal at `out` (room for ``maximumLength(scale:)``
    /// bytes) and returns the number of bytes written.
    @inline(__always)
    package static func write(_ value: Int64, scale: Int, trimZeros: Bool, to out: UnsafeMutablePointer<UInt8>) -> Int {
        // A whole number below 10,000 (most of a report's counts), straight to `out`.
        if scale == 0, value >= 0, value < 10_000 {
            let v = Int(value)
            let length = v < 10 ? 1 : v < 100 ? 2 : v < 1000 ? 3 : 4
            var rest = v
            for i in stride(from: length - 1, through: 0, by: -1) {
                out[i] = UInt8(truncatingIfNeeded: 48 + rest % 10)
                rest /= 10
            }
            return length
        }
        // Digits written from the right of a 32-byte buffer, then moved to `out`.
        precondition(maximumLength(scale: scale) <= 32, "at most 10 decimals")
        var digits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        return withUnsafeMutableBytes(of: &digits) { buffer in
            let end = maximumLength(scale: scale)
            var at = end
            var magnitude = value.magnitude
            var fraction = 0
            for _ in 0..<scale {
                let digit = UInt8(48 + magnitude % 10)
                magnitude /= 10
                if digit == 48 && trimZeros && fraction == 0 { continue }
                at -= 1
                buffer[at] = digit
                fraction += 1
            }
            if fraction > 0 {
                at -= 1
                buffer[at] = UInt8(ascii: ".")
            }
            repeat {
                at -= 1
                buffer[at] = UInt8(48 + magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 {
                at -= 1
                buffer[at] = UInt8(ascii: "-")
            }
            let length = end - at
            out.initialize(from: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self) + at, count: length)
            return length
        }
    }

    /// A decimal written as text (`0000646.52` → 64652 at scale 2), extra decimals an error
    /// unless they are zeros.
    package static func parse(text: String, scale: Int) -> Result<Int64, ParseError> {
        Array(text.utf8).withUnsafeBufferPointer { parse($0, scale: scale, rounding: false) }
    }
}
