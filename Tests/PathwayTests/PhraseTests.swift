import Foundation
import Testing
@testable import Pathway

/// The findings' messages are built as ``Phrase``s: each must read exactly as the `String`
/// interpolation it replaced (the reports are compared byte for byte with the commit before).
@Suite("Messages built as phrases")
struct PhraseTests {
    @Test("integers read as a String interpolation writes them, at each edge")
    func integers() {
        let edges = [0, 1, -1, 9, 10, -9, -10, 99, 100, 999, 1_000, -1_000, 65_535, 1 << 32,
                     Int.max, Int.max - 1, Int.min, Int.min + 1]
        for n in edges {
            #expect(("\(n)" as Phrase).string == "\(n)", "\(n)")
            #expect(("a\(n)b\(n)" as Phrase).string == "a\(n)b\(n)")
        }
    }

    @Test("dates read as their description, inside and outside the years of four digits")
    func dates() throws {
        let days: [Int32] = [0, 1, -1, 58, 59, 60, 365, 366, 10_956, 20_000, 2_932_896, 2_932_897, -719_528, -719_529, -800_000]
        for day in days {
            let date = CivilDate(dayNumber: day)
            #expect(("le \(date) :" as Phrase).string == "le \(date) :", "\(day)")
        }
        let leap = try #require(CivilDate(year: 2024, month: 2, day: 29))
        #expect(("\(leap)" as Phrase).string == "2024-02-29")
    }

    @Test("text, other values, accents and concatenation read as String interpolation does")
    func text() {
        let name = "P0001734", long = String(repeating: "é", count: 40)
        let cents = Cents(-1_234_56), hours = Hours(hundredths: 750)
        let phrase: Phrase = "« \(name) » \(long) \(cents) \(hours) \(Dominante.socioPro) \(true) \(Optional(3) ?? 0) €"
        #expect(phrase.string == "« \(name) » \(long) \(cents) \(hours) \(Dominante.socioPro) \(true) \(Optional(3) ?? 0) €")
        var joined: Phrase = "Décision"
        joined += " du \(CivilDate(dayNumber: 20_000))"
        let sum = joined + " ; " + ("\(long)" as Phrase)
        #expect(sum.string == "Décision du \(CivilDate(dayNumber: 20_000)) ; \(long)")
        #expect(joined.string == "Décision du \(CivilDate(dayNumber: 20_000))", "+ leaves its left operand as it was")
        #expect(("" as Phrase).string.isEmpty)
        // Interpolated into a String, a phrase reads as its text (not as a dump of its bytes).
        let decision: Phrase = "Décision du \(CivilDate(dayNumber: 20_000))"
        #expect("« \(decision) »" == "« Décision du \(CivilDate(dayNumber: 20_000)) »")
    }

    /// The French words written into a phrase, against the `String` code they replaced.
    @Test("days, grouped numbers and euros read as before, at each edge")
    func frenchWords() {
        func integer(_ n: Int) -> String {
            let digits = String(n.magnitude)
            var out = ""
            for (k, ch) in digits.enumerated() {
                if k > 0 && (digits.count - k) % 3 == 0 { out.append(" ") }
                out.append(ch)
            }
            return (n < 0 ? "-" : "") + out
        }
        func euros(_ cents: Cents) -> String {
            let whole = cents.value / 100, rest = (cents.value % 100).magnitude
            return (cents.value < 0 && whole == 0 ? "-" : "") + integer(Int(whole)) + "," + (rest < 10 ? "0" : "") + String(rest) + " €"
        }
        for n in [0, 1, 2, -1, -2, 10, 999, 1_000, 9_999, 10_000, 999_999, 1_000_000, -1_000_000, 123_456_789, Int.max, Int.min] {
            #expect(FrenchWords.integer(n) == integer(n), "\(n)")
            #expect(FrenchWords.dayCount(n) == "\(n) jour\(n > 1 ? "s" : "")", "\(n)")
        }
        #expect(FrenchWords.dayCount(1) == "1 jour" && FrenchWords.dayCount(2) == "2 jours" && FrenchWords.dayCount(0) == "0 jour")
        let amounts: [Int64] = [0, 1, 9, 10, 99, 100, 101, 109, 110, -1, -9, -10, -99, -100, -101, -150, 19_396, 99_999, 100_000,
                                1_251_156_144, -1_251_156_144, Int64(Int.max), Int64(Int.min) + 1]
        for value in amounts {
            #expect(FrenchWords.euros(Cents(value)) == euros(Cents(value)), "\(value)")
        }
        #expect(FrenchWords.euros(Cents(-50)) == "-0,50 €" && FrenchWords.euros(Cents(19_396)) == "193,96 €")
    }
}
