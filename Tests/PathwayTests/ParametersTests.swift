import Testing
@testable import Pathway

@Suite("Dated parameters and --config")
struct ParametersTests {
    @Test("every parameter has references and ordered periods")
    func table() {
        for parameter in Parameters.law.all {
            let starts = parameter.periods.compactMap(\.from)
            #expect(starts == starts.sorted(), "\(parameter.key)")
            #expect(parameter.periods.dropFirst().allSatisfy { $0.from != nil }, "\(parameter.key)")
            if !parameter.isLocal {
                #expect(!parameter.periods.isEmpty && parameter.periods.allSatisfy { !$0.references.isEmpty }, "\(parameter.key)")
            }
        }
    }

    @Test("every parameter has a reference")
    func references() {
        for parameter in Parameters.law.all {
            #expect(!parameter.references.isEmpty, "\(parameter.key) has no reference")
        }
    }

    @Test("every [I] choice is overridable")
    func interpretationsOverridable() {
        for parameter in Parameters.law.all where parameter.periods.contains(where: { $0.references.weakest == .interpretation }) {
            #expect(parameter.overridable, "\(parameter.key)")
        }
    }

    @Test("values in force by date: nothing before 2025-01-01, 42 days from it")
    func byDate() {
        #expect(Parameters.law.orientationDeadlineDays.value(on: date("2024-12-31")) == nil)
        #expect(Parameters.law.orientationDeadlineDays.value(on: date("2025-01-01")) == 42)
        #expect(Parameters.law.minimumWeeklyHours.value(on: date("2025-01-01")) == Hours(15))
    }

    @Test("overrides are applied and recorded")
    func override() throws {
        let p = try Parameters.law.applying(JSONValue.parse(#"{"orientation_target_days":15,"repetition_anchor":"latest_decision"}"#))
        #expect(p.orientationTargetDays.value(on: date("2025-06-01")) == 15)
        #expect(p.repetitionAnchor.value(on: date("2025-06-01")) == .latestDecision)
        #expect(p.overrides == ["orientation_target_days": "15", "repetition_anchor": "\"latest_decision\""])
    }

    @Test("bad configurations say what was expected", arguments: [
        (#"{"orientation_target_day": 15}"#, "« orientation_target_day » : paramètre inconnu (vouliez-vous dire « orientation_target_days » ?) ; clés connues : orientation_deadline_days, orientation_target_days, contract_target_days, reduction_grounds, intensity_window_weeks, intensity_requires_activity, stock_deadline, repetition_window_months, repetition_window_start, repetition_reset_on_reorientation, repetition_anchor, refund_limit_months, appeal_period_franc, new_entrant_target_days, month_end, weekend_extension"),
        (#"{"minimum_weekly_hours": 10}"#, "« minimum_weekly_hours » : est fixé par le droit (C. trav. L5411-6 II [S] ; C. trav. R5411-15 [P]) et ne peut pas être remplacé ; clés modifiables : orientation_deadline_days, orientation_target_days, contract_target_days, reduction_grounds, intensity_window_weeks, intensity_requires_activity, stock_deadline, repetition_window_months, repetition_window_start, repetition_reset_on_reorientation, repetition_anchor, refund_limit_months, appeal_period_franc, new_entrant_target_days, month_end, weekend_extension"),
        (#"{"orientation_target_days": "15"}"#, #"« orientation_target_days » : un entier de 1 à 366 était attendu, reçu "15""#),
        (#"{"stock_deadline": "2028-02-30"}"#, #"« stock_deadline » : une date "AAAA-MM-JJ" était attendue, reçu "2028-02-30""#),
        (#"{"month_end": "end"}"#, #"« month_end » : "last_day" ou "next_day" était attendu, reçu "end""#),
        (#"{"repetition_anchor": "first"}"#, #"« repetition_anchor » : "first_decision" ou "latest_decision" était attendu, reçu "first""#),
        (#"{"reduction_grounds": "health"}"#, #"« reduction_grounds » : une liste de motifs était attendue (health, disability, invalidity, single_parent_childcare, caregiver), reçu "health""#),
        (#"[1]"#, #"un objet JSON de paramètres était attendu, par exemple {"orientation_target_days": 15}"#),
    ])
    func errors(_ json: String, _ expected: String) throws {
        let value = try JSONValue.parse(json)
        #expect(throws: ConfigError.self) { try Parameters.law.applying(value) }
        do throws(ConfigError) {
            _ = try Parameters.law.applying(value)
        } catch {
            #expect(error.description == expected)
        }
    }

    @Test("rules in force by date: rules --as-of marks what is not yet, or no longer, in force", arguments: [
        ("sanction.notice", "2025-05-31", false), ("sanction.notice", "2025-06-01", true),
        ("sanction.legacy_bounds", "2025-05-31", true), ("sanction.legacy_bounds", "2025-06-01", false),
        ("orientation.deadline", "2024-12-31", false), ("orientation.deadline", "2025-01-01", true),
        ("sanction.household_cap", "2020-01-01", true),
    ])
    func rulesInForce(_ id: String, _ day: String, _ inForce: Bool) throws {
        let rule = try #require(RuleRegistry.rule(RuleID(rawValue: id)))
        #expect(rule.inForce.contains(date(day)) == inForce)
    }

    @Test("every rule emitted is registered, with references and a known parameter list")
    func registry() {
        let keys = Set(Parameters.law.all.map(\.key))
        #expect(RuleRegistry.all.count == 27)
        for rule in RuleRegistry.all {
            #expect(!rule.references.isEmpty)
            #expect(rule.parameters.allSatisfy(keys.contains), "\(rule.id)")
        }
    }
}
