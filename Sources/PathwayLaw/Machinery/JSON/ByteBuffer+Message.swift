import PathwayMachinery
/// The bytes of a shortfall's message, written by its rule (`Rules/Intensity/intensity.shortfall.swift`)
/// into a buffer of their own, valid during `body` only. The JSON report writes them into its
/// own buffer instead (``JSONWriter/string(_:)-FindingText``).
extension ShortfallMessage {
    package func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var text = ByteBuffer(capacity: 512)
        write(into: &text)
        return text.withBytes(body)
    }

    package var string: String { withUTF8 { String(copyingUTF8: $0) } }
}

/// A message built as UTF-8 bytes, with no interpolation, piece by piece at the end of a
/// ``ByteBuffer`` (room checked once per piece): a buffer of the message's own, or the JSON
/// report's, where the message is written as its value with no copy.
extension ByteBuffer {
    private mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) { append(bytes) }

    package mutating func add(_ text: StaticString) {
        text.withBytes { add($0) }
    }

    package mutating func add(string text: String) {
        var text = text
        text.withUTF8 { add($0) }
    }

    /// `YYYY-MM-DD`.
    package mutating func add(_ date: CivilDate) {
        let (y, m, d) = date.components
        guard (0...9999).contains(y) else { return add(string: date.description) }
        reserve(10)
        store { CivilDate.writeDigits(y, m, d, to: $0); return 10 }
    }

    /// `2026-W01`.
    package mutating func add(_ week: ISOWeek) {
        add(week.year)
        add("-W")
        if (0...9).contains(week.week) { add("0") }
        add(week.week)
    }

    package mutating func add(_ number: Int) { add(Int64(number), scale: 0) }

    /// Hours with a decimal comma and no trailing zero: `12,5`.
    package mutating func add(decimalComma hours: Hours) {
        add(Int64(hours.hundredths), scale: 2, point: UInt8(ascii: ","))
    }

    private mutating func add(_ value: Int64, scale: Int, point: UInt8 = UInt8(ascii: ".")) {
        reserve(FixedPoint.maximumLength(scale: scale))
        store { out in
            let count = FixedPoint.write(value, scale: scale, trimZeros: true, to: out)
            for i in 0..<count where out[i] == UInt8(ascii: ".") { out[i] = point }
            return count
        }
    }
}
