import Testing
@testable import Pathway

/// The tables the indicators count in (`CaseCounts`, `RuleTally`) against the dictionaries they
/// replace: the same counts, the same keys, whatever the order of the counts and merges.
@Suite("The indicators' tally tables")
struct TallyTablesTests {
    /// Each case read as its place in `allCases`, for every enumeration the indicators count.
    @Test("a case's place is its index in allCases, for each enumeration counted")
    func places() {
        func check<E: CaseIterable & Hashable & Sendable>(_: E.Type) {
            for (index, value) in E.allCases.enumerated() { #expect(CaseCounts<E>.place(value) == index, "\(value)") }
        }
        check(Dominante.self)
        check(Organisme.self)
        check(PathwayStatus.self)
        check(ReductionReason.self)
        check(SanctionBasis.self)
    }

    @Test("counts by case: the dictionary a count by count would fill, a count of zero a key, none not")
    func caseCounts() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            var counts = CaseCounts<Organisme>(), other = CaseCounts<Organisme>()
            var expected: [Organisme: Int] = [:]
            for k in 0..<Int.random(in: 0...12, using: &generator) {
                let key = Organisme.allCases.randomElement(using: &generator)!
                let n = Int.random(in: 0...3, using: &generator)
                if k % 2 == 0 { counts.add(key, n) } else { other.add(key, n) }
                expected[key, default: 0] += n
            }
            counts.merge(other)
            #expect(counts.dictionary == expected)
            for key in Organisme.allCases { #expect(counts[key] == expected[key]) }
            #expect(CaseCounts(expected) == counts)
        }
        var zero = CaseCounts<Dominante>()
        zero.add(.social, 0)
        #expect(zero.dictionary == [.social: 0])
        #expect(CaseCounts<Dominante>().dictionary.isEmpty)
    }

    @Test("values by rule: the dictionary's, through collisions and growth, merged either way")
    func ruleTally() {
        // 150 ids: more than the table's first 64 slots hold under half full, many sharing a slot.
        let ids = (0..<150).map { RuleID(rawValue: "rule.\($0)") } + RuleRegistry.all.map(\.id)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            var a = RuleTally<Int>(), b = RuleTally<Int>()
            var expectedA: [RuleID: Int] = [:], expectedB: [RuleID: Int] = [:]
            for _ in 0..<Int.random(in: 0...400, using: &generator) {
                let id = ids.randomElement(using: &generator)!
                let n = Int.random(in: 1...5, using: &generator)
                if Bool.random(using: &generator) {
                    a.update(id, default: 0) { $0 += n }
                    expectedA[id, default: 0] += n
                } else {
                    b[id] = n
                    expectedB[id] = n
                }
            }
            #expect(a.dictionary == expectedA)
            #expect(b.dictionary == expectedB)
            for id in ids { #expect(a[id] == expectedA[id]) }
            #expect(Set(a.rules) == Set(expectedA.keys) && a.rules.count == expectedA.count)
            var ab = a
            ab.merge(b, +)
            #expect(ab.dictionary == expectedA.merging(expectedB, uniquingKeysWith: +))
            b.merge(a, +)
            #expect(b.dictionary == ab.dictionary)
        }
    }
}

/// Each finding's `article` and `confidence`, written from bytes made once per rule.
@Suite("A finding's legal basis in the JSON report")
struct FindingBasisTests {
    /// The finding's members, written then read back.
    private static func written(_ finding: Finding) throws -> [String: JSONValue] {
        var w = JSONWriter(pretty: false)
        finding.write(to: &w)
        guard case .object(let members) = try JSONValue.parse(String(decoding: w.bytes, as: UTF8.self)) else { return [:] }
        return Dictionary(members, uniquingKeysWith: { a, _ in a })
    }

    @Test("every registered rule's citations and confidence, and an unregistered rule's none and I")
    func basis() throws {
        for rule in RuleRegistry.all {
            let finding = Finding(rule: rule.id, person: "P1", date: date("2025-01-06"), event: "e1", message: "m \"x\"")
            let basis = try #require(RuleRegistry.basis(of: rule.id))
            let json = try Self.written(finding)
            #expect(json["article"] == .string(basis.citations), "\(rule.id)")
            #expect(json["confidence"] == .string(basis.confidence.rawValue), "\(rule.id)")
            #expect(json["message"] == .string("m \"x\""))
        }
        let unknown = Finding(rule: "local.rule", person: "P1", date: date("2025-01-06"), event: nil, message: "m")
        let json = try Self.written(unknown)
        #expect(json["article"] == .string(""))
        #expect(json["confidence"] == .string("I"))
    }
}
