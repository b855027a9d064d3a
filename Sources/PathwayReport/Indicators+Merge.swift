import PathwayLaw
/// The indicators of several reports added up (`pathway merge`): each report's tally is read
/// back from its JSON `indicators` and from what they leave out (`merge.indicators`: the delays
/// counted by day behind each median, the hours and days under contract behind each average),
/// the tallies are merged, and the indicators computed from the sum, as one replay computes them.
extension Indicators.Tally {
    /// `merge.indicators` of the JSON report (`Docs/report.md`).
    package var exactJSON: JSONValue {
        let table = RuleSet.law.table
        func days(_ counts: DayCounts) -> JSONValue { .object(counts.sorted.map { (String($0.day), .int($0.count)) }) }
        var delays: [(key: String, value: JSONValue)] = DeadlineIndicator.Slot.allCases.map { slot in
            let t = table.rule(for: slot).flatMap { deadlines[$0] } ?? DeadlineCounts.Tally()
            return (slot.rawValue, .object([("on_time", days(t.onTimeDays)), ("late", days(t.lateDays))]))
        }
        delays.append(("registration_to_contract", days(registrationToContract)))
        return .object([
            ("delays", .object(delays)),
            ("under_contract", .object(Dominante.allCases.map { d in
                (d.rawValue, .object([("hours_done", .number(Hours(hundredths: intensity.hoursByDominante[d] ?? 0).description)),
                                      ("hours_planned", .number(Hours(hundredths: intensity.plannedByDominante[d] ?? 0).description)),
                                      ("days", .int(intensity.daysByDominante[d] ?? 0))]))
            })),
            ("charts", charts.json),
        ])
    }

    /// The tally behind a JSON report's `indicators`, with `exact` its `merge.indicators`.
    /// Counts of zero are left out, as a tally leaves out what it never met.
    package init(json: JSONValue, exact: JSONValue, at path: String) throws(ReportReadError) {
        let i = ReportReader(json, path), x = ReportReader(exact, path + " (merge.indicators)")
        self.init(newEntrantTargetDays: try i.int("new_entrants", "target_days"))
        let table = RuleSet.law.table
        func dayCounts(_ days: [(key: String, value: JSONValue)], _ key: String) throws(ReportReadError) -> DayCounts {
            var counts = DayCounts()
            for (d, n) in days {
                guard let day = Int(d), case .number(let text) = n, let count = Int(text), count > 0 else {
                    throw ReportReadError(path: x.path, message: "merge.indicators.delays.\(key) : des jours et leurs nombres étaient attendus ({\"28\": 3})")
                }
                counts.add(day, count: count)
            }
            return counts
        }
        for slot in DeadlineIndicator.Slot.allCases {
            guard let rule = table.rule(for: slot) else { continue }
            var t = DeadlineCounts.Tally()
            t.partial.onTime = try i.int(slot.rawValue, "on_time")
            t.partial.late = try i.int(slot.rawValue, "late")
            t.partial.pending = try i.int(slot.rawValue, "pending")
            t.partial.missing = try i.int(slot.rawValue, "missing")
            t.partial.cancelled = try i.int(slot.rawValue, "cancelled")
            if i.has(slot.rawValue, "target") {
                t.partial.hasTarget = true
                t.partial.targetMet = try i.int(slot.rawValue, "target", "met")
                t.partial.targetMissed = try i.int(slot.rawValue, "target", "missed")
            }
            t.onTimeDays = try dayCounts(try x.object("delays", slot.rawValue, "on_time"), slot.rawValue)
            t.lateDays = try dayCounts(try x.object("delays", slot.rawValue, "late"), slot.rawValue)
            deadlines[rule] = t
        }
        func counts<Key: RawRepresentable & Hashable>(_ cases: [Key], _ path: String...) throws(ReportReadError) -> [Key: Int] where Key.RawValue == String {
            var result: [Key: Int] = [:]
            for key in cases {
                let n = try i.int(path + [key.rawValue])
                if n != 0 { result[key] = n }
            }
            return result
        }
        byDominante = CaseCounts(try counts(Dominante.allCases, "by_dominante"))
        byOrganisme = CaseCounts(try counts(Organisme.allCases, "by_organisme"))
        states = CaseCounts(try counts(PathwayStatus.allCases, "states"))
        reorientations = try i.int("reorientations")
        registrationToContract = try dayCounts(try x.object("delays", "registration_to_contract"), "registration_to_contract")
        sanctions.suspension = try i.int("sanctions", "suspension")
        sanctions.suppression = try i.int("sanctions", "suppression")
        sanctions.byBasis = try counts(SanctionBasis.allCases, "sanctions", "by_basis")
        sanctions.remobilisations = try i.int("sanctions", "remobilisations")
        sanctions.withdrawals = try i.int("sanctions", "withdrawals")
        sanctions.withheld = try i.cents("sanctions", "withheld")
        sanctions.refunded = try i.cents("sanctions", "refunded")
        sanctions.lost = try i.cents("sanctions", "lost")
        sanctions.unknownAmounts = try i.int("sanctions", "unknown_amounts")
        intensity.contracts = try i.int("intensity", "contracts")
        intensity.contractsAtLeastMinimum = try i.int("intensity", "contracts_at_least_15h")
        intensity.contractsWithoutHours = try i.int("intensity", "contracts_without_hours")
        intensity.peopleWithContract = try i.int("intensity", "people_with_contract")
        intensity.peopleWithReduction = try i.int("intensity", "people_with_reduction")
        intensity.reductionsByReason = try counts(ReductionReason.allCases, "intensity", "reductions_by_reason")
        for category in ActivityCategory.allCases {
            intensity.byCategory[category] = Hours(hundredths: Int(try i.cents("intensity", "hours_by_category", category.rawValue).value))
        }
        for d in Dominante.allCases {
            let hours = Int(try x.cents("under_contract", d.rawValue, "hours_done").value), days = try x.int("under_contract", d.rawValue, "days")
            let planned = Int(try x.cents("under_contract", d.rawValue, "hours_planned").value)
            if hours != 0 { intensity.hoursByDominante[d] = hours }
            if planned != 0 { intensity.plannedByDominante[d] = planned }
            if days != 0 { intensity.daysByDominante[d] = days }
        }
        intensity.peopleShort = try i.int("intensity", "people_short")
        intensity.peopleNotMeasured = try i.int("intensity", "people_not_measured")
        intensity.appointments.attended = try i.int("intensity", "appointments", "attended")
        intensity.appointments.missed = try i.int("intensity", "appointments", "missed")
        intensity.appointments.excused = try i.int("intensity", "appointments", "excused")
        dutiesUnknown = try i.int("duties_unknown")
        for month in try i.array("new_entrants", "months") {
            let m = ReportReader(month, i.path)
            let name = try m.string("month")
            var statuses: [Int] = []
            for status in NewEntry.Status.allCases { statuses.append(try m.int(status.rawValue)) }
            newEntrants.months[name] = statuses
        }
        charts = try ChartTally(json: try x.member(["charts"]), at: path)
        let bySeverity = try counts(Severity.allCases, "findings")
        for severity in Severity.allCases { severities[severity.rank] = bySeverity[severity] ?? 0 }
        for rule in RuleRegistry.all {
            let n = try i.int("findings", "by_rule", rule.id.rawValue)
            if n != 0 { findingsByRule[rule.id] = n }
        }
    }
}

/// Why a report cannot be merged: its file and what is wrong, in French.
public struct ReportReadError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }
    public var description: String { "\(path) : \(message)" }
}

/// Reads the members of a parsed JSON report by path, each missing or mistyped one an error
/// naming it.
package struct ReportReader {
    package let value: JSONValue
    package let path: String

    package init(_ value: JSONValue, _ path: String) {
        self.value = value
        self.path = path
    }

    package func find(_ keys: [String]) -> JSONValue? {
        var current = value
        for key in keys {
            guard case .object(let members) = current, let next = members.first(where: { $0.key == key }) else { return nil }
            current = next.value
        }
        return current
    }

    package func has(_ keys: String...) -> Bool { find(keys) != nil }

    package func member(_ keys: [String]) throws(ReportReadError) -> JSONValue {
        guard let found = find(keys) else { throw missing(keys, "absent") }
        return found
    }

    private func missing(_ keys: [String], _ what: String) -> ReportReadError {
        ReportReadError(path: path, message: "le champ \(keys.joined(separator: ".")) est \(what) : ce n'est pas un rapport JSON de pathway replay qui se fusionne")
    }

    package func int(_ keys: [String]) throws(ReportReadError) -> Int {
        guard case .number(let text) = try member(keys), let n = Int(text) else { throw missing(keys, "mal formé (un entier était attendu)") }
        return n
    }
    package func int(_ keys: String...) throws(ReportReadError) -> Int { try int(keys) }

    package func cents(_ keys: String...) throws(ReportReadError) -> Cents {
        guard case .number(let text) = try member(keys), let n = Cents.parse(text) else { throw missing(keys, "mal formé (un nombre était attendu)") }
        return n
    }

    package func string(_ keys: String...) throws(ReportReadError) -> String { try string(keys) }

    package func string(_ keys: [String]) throws(ReportReadError) -> String {
        guard case .string(let text) = try member(keys) else { throw missing(keys, "mal formé (un texte était attendu)") }
        return text
    }

    package func optionalString(_ keys: String...) throws(ReportReadError) -> String? { try optionalString(keys) }

    package func optionalString(_ keys: [String]) throws(ReportReadError) -> String? {
        switch try member(keys) {
        case .null: return nil
        case .string(let text): return text
        default: throw missing(keys, "mal formé (un texte ou null était attendu)")
        }
    }

    /// The date (`yyyy-mm-dd`) at `keys`.
    package func date(_ keys: String...) throws(ReportReadError) -> CivilDate {
        let text = try string(keys)
        guard let day = CivilDate(text) else { throw unreadable(keys, text) }
        return day
    }

    /// The date at `keys`, or nil for `null`.
    package func optionalDate(_ keys: String...) throws(ReportReadError) -> CivilDate? {
        guard let text = try optionalString(keys) else { return nil }
        guard let day = CivilDate(text) else { throw unreadable(keys, text) }
        return day
    }

    private func unreadable(_ keys: [String], _ text: String) -> ReportReadError {
        ReportReadError(path: path, message: "\(keys.joined(separator: ".")) : une date illisible : \(text)")
    }

    /// The value at `keys` of a list of names (a state, a dominante…).
    package func value<T: RawRepresentable>(_ keys: String...) throws(ReportReadError) -> T where T.RawValue == String {
        let text = try string(keys)
        guard let value = T(rawValue: text) else {
            throw ReportReadError(path: path, message: "\(keys.joined(separator: ".")) : valeur inconnue \(text)")
        }
        return value
    }

    package func bool(_ keys: String...) throws(ReportReadError) -> Bool {
        guard case .bool(let flag) = try member(keys) else { throw missing(keys, "mal formé (true ou false était attendu)") }
        return flag
    }

    package func array(_ keys: String...) throws(ReportReadError) -> [JSONValue] {
        guard case .array(let items) = try member(keys) else { throw missing(keys, "mal formé (une liste était attendue)") }
        return items
    }

    package func object(_ keys: String...) throws(ReportReadError) -> [(key: String, value: JSONValue)] {
        guard case .object(let members) = try member(keys) else { throw missing(keys, "mal formé (un objet était attendu)") }
        return members
    }
}
