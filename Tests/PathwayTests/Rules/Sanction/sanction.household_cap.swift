import Testing
@testable import Pathway

/// `Sources/Pathway/Rules/Sanction/sanction.household_cap.swift`
@Suite("sanction.household_cap")
struct SanctionHouseholdCapTests {
    @Test("50 % for a two-person household, 51 % is a violation", arguments: [
        (#""household_size":2"#, 50, 0), (#""household_size":2"#, 51, 1), (#""household_size":1"#, 100, 0),
        (#""single_parent_increase":true"#, 51, 1),
    ])
    func cap(_ household: String, _ percent: Int, _ expected: Int) {
        var s = engaged(household: household)
        _ = sanctioned(&s, failing: "2025-07-01", decided: "2025-07-20", decision("suspension", percent, 1))
        #expect(s.findings(Rules.Sanction.HouseholdCap.id).count == expected)
    }

    @Test("a household change before the decision counts")
    func capChange() {
        var s = engaged()
        s.add("household_changed", "2025-06-15", #""household_size":3"#)
        _ = sanctioned(&s, failing: "2025-07-01", decided: "2025-07-20", decision("suspension", 60, 1))
        #expect(s.findings(Rules.Sanction.HouseholdCap.id).count == 1)
    }
}
