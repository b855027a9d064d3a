import PathwayMachinery
/// A message in French, written as a string interpolation and built straight into UTF-8
/// bytes: `let text: Phrase = "Remobilisation le \(date) : …"` reads as the `String` it
/// replaces and gives the same text (``string``), but each piece is copied once into one
/// array, where a `String` interpolation, or `+` between strings, grew and checked a string
/// at each piece (450 instructions a piece: `String.append` took 3.8 % of a replay at 10^6
/// events, most of it in the findings' messages).
///
/// Dates are written `YYYY-MM-DD` and integers in digits, as `String` interpolation writes
/// them; any other value by its `description`, or as `String(describing:)` gives it.
///
/// For long messages of many pieces. A phrase is an array: a short text of a few pieces
/// (a timeline's `activité (7,5 h, formation)`) costs more as phrases than as strings, which
/// keep up to 15 bytes without allocating (measured: the timelines' descriptions as phrases
/// took 18 M instructions more at 10^5 events).
package struct Phrase: ExpressibleByStringInterpolation, Sendable, CustomStringConvertible {
    /// The text's UTF-8 bytes.
    package private(set) var utf8: [UInt8]

    package init(stringLiteral literal: StaticString) {
        utf8 = literal.withUTF8Buffer { Array($0) }
    }

    package init(stringInterpolation: StringInterpolation) {
        utf8 = stringInterpolation.utf8
    }

    /// The text, as a `String`.
    package var string: String { String(decoding: utf8, as: UTF8.self) }
    /// The text, so that a phrase interpolated into a `String` reads as its text.
    package var description: String { string }

    package static func + (a: consuming Phrase, b: Phrase) -> Phrase {
        a += b
        return a
    }

    package static func += (a: inout Phrase, b: Phrase) {
        a.utf8.append(contentsOf: b.utf8)
    }

    package struct StringInterpolation: StringInterpolationProtocol {
        package typealias StringLiteralType = StaticString
        fileprivate var utf8: [UInt8] = []

        /// Room for a finding's message with its citations (most are 200 to 700 bytes) from the
        /// start: reserved at the literal's length, the bytes were copied to a larger array four
        /// to six times along a message (an allocation and a copy each).
        package init(literalCapacity: Int, interpolationCount: Int) {
            utf8.reserveCapacity(max(768, literalCapacity + 16 * interpolationCount))
        }

        package mutating func appendLiteral(_ literal: StaticString) {
            literal.withBytes { utf8.append(contentsOf: $0) }
        }

        package mutating func appendInterpolation(_ text: String) {
            var text = text
            text.withUTF8 { utf8.append(contentsOf: $0) }
        }

        /// Bytes of UTF-8, as they are.
        package mutating func append<Bytes: Sequence>(utf8 bytes: Bytes) where Bytes.Element == UInt8 {
            utf8.append(contentsOf: bytes)
        }

        package mutating func appendInterpolation(_ phrase: Phrase) {
            utf8.append(contentsOf: phrase.utf8)
        }

        /// In digits, `-` before a negative number.
        package mutating func appendInterpolation(_ number: Int) {
            // Written from the end of 24 bytes of room (20 digits and a sign at most).
            var room: (UInt64, UInt64, UInt64) = (0, 0, 0)
            withUnsafeMutableBytes(of: &room) { room in
                var value = number.magnitude
                var k = room.count
                repeat {
                    k -= 1
                    room[k] = UInt8(truncatingIfNeeded: 48 + value % 10)
                    value /= 10
                } while value > 0
                if number < 0 { k -= 1; room[k] = UInt8(ascii: "-") }
                utf8.append(contentsOf: UnsafeRawBufferPointer(rebasing: room[k...]))
            }
        }

        /// `YYYY-MM-DD`, as ``CivilDate/description``.
        package mutating func appendInterpolation(_ date: CivilDate) {
            let (y, m, d) = date.components
            guard (0...9999).contains(y) else { return appendInterpolation(date.description) }
            var digits: (UInt64, UInt64) = (0, 0)
            withUnsafeMutableBytes(of: &digits) { room in
                let out = room.baseAddress!.assumingMemoryBound(to: UInt8.self)
                CivilDate.writeDigits(y, m, d, to: out)
                utf8.append(contentsOf: UnsafeBufferPointer(start: out, count: 10))
            }
        }

        /// A value that describes itself, by its `description` (as a `String` interpolation
        /// writes it).
        package mutating func appendInterpolation<T: CustomStringConvertible>(_ value: T) {
            appendInterpolation(value.description)
        }

        /// Any other value, as `String(describing:)` writes it (as a `String` interpolation does).
        package mutating func appendInterpolation<T>(_ value: T) {
            appendInterpolation(String(describing: value))
        }
    }
}
