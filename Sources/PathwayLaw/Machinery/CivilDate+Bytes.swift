import PathwayMachinery
/// Dates read from and written as bytes, with no allocation: the reader and the report handle
/// millions of them.
extension CivilDate {
    /// Parses `YYYY-MM-DD` exactly (ten characters, no time, no zone).
    public init?(_ text: String) {
        let parsed = Array(text.utf8).withUnsafeBufferPointer { CivilDate.parse($0) }
        guard case .valid(let date) = parsed else { return nil }
        self = date
    }

    /// Parses `YYYY-MM-DD` from raw bytes, with no allocation.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> ParseResult {
        guard bytes.count == 10, let p = bytes.baseAddress, p[4] == UInt8(ascii: "-"), p[7] == UInt8(ascii: "-") else {
            return .malformed
        }
        // Each digit's value; a byte that is not a digit gives 10 or more (the subtraction wraps).
        let d = (p[0] &- 48, p[1] &- 48, p[2] &- 48, p[3] &- 48, p[5] &- 48, p[6] &- 48, p[8] &- 48, p[9] &- 48)
        guard d.0 < 10, d.1 < 10, d.2 < 10, d.3 < 10, d.4 < 10, d.5 < 10, d.6 < 10, d.7 < 10 else { return .malformed }
        let year = Int(d.0) * 1000 + Int(d.1) * 100 + Int(d.2) * 10 + Int(d.3)
        guard let date = CivilDate(year: year, month: Int(d.4) * 10 + Int(d.5), day: Int(d.6) * 10 + Int(d.7)) else {
            return .impossible
        }
        return .valid(date)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (y, m, d) = components
        guard (0...9999).contains(y) else { return CivilDate.pad(y, 4) + "-" + CivilDate.pad(m, 2) + "-" + CivilDate.pad(d, 2) }
        // YYYY-MM-DD written digit by digit (the report and the messages write many dates).
        return String(unsafeUninitializedCapacity: 10) { out in
            CivilDate.writeDigits(y, m, d, to: out.baseAddress!)
            return 10
        }
    }

    /// `YYYY-MM`: the first seven characters of ``description``, written with no intermediate
    /// string (the new entrants are counted by month).
    package var monthText: String {
        let (y, m, d) = components
        guard (0...9999).contains(y) else { return String(description.prefix(7)) }
        return String(unsafeUninitializedCapacity: 10) { out in
            CivilDate.writeDigits(y, m, d, to: out.baseAddress!)
            return 7
        }
    }

    /// Writes `YYYY-MM-DD` (ten bytes) at `out`, for a year from 0 to 9999.
    @inline(__always)
    package static func writeDigits(_ y: Int, _ m: Int, _ d: Int, to out: UnsafeMutablePointer<UInt8>) {
        out[0] = UInt8(truncatingIfNeeded: 48 + y / 1000 % 10); out[1] = UInt8(truncatingIfNeeded: 48 + y / 100 % 10)
        out[2] = UInt8(truncatingIfNeeded: 48 + y / 10 % 10); out[3] = UInt8(truncatingIfNeeded: 48 + y % 10)
        out[4] = UInt8(ascii: "-")
        out[5] = UInt8(truncatingIfNeeded: 48 + m / 10); out[6] = UInt8(truncatingIfNeeded: 48 + m % 10)
        out[7] = UInt8(ascii: "-")
        out[8] = UInt8(truncatingIfNeeded: 48 + d / 10); out[9] = UInt8(truncatingIfNeeded: 48 + d % 10)
    }
}
