/// The JSON report of REPORT.md: every field it fixes, in a fixed order, and a few more
/// (`article`, `confidence` and `date` on findings; deadline records in `indicators`).
extension Report {
    /// The version of this report's layout; a change of meaning bumps it.
    public static let formatVersion = 1

    public func json(generator: String = "pathway") -> String {
        jsonValue(generator: generator).serialized() + "\n"
    }

    public func jsonValue(generator: String = "pathway") -> JSONValue {
        .object([
            ("report", .object([("generator", .string(generator)), ("format", .int(Report.formatVersion))])),
            ("as_of", .date(asOf)),
            ("parameters", .object([("overrides", .object(parameters.overrides.sorted { $0.key < $1.key }
                .map { ($0.key, .string($0.value)) }))])),
            ("input", .object([
                ("lines", .int(input.lines)), ("events", .int(input.events)), ("duplicates", .int(input.duplicates)),
                ("rejected", .int(input.rejected)), ("blank", .int(input.blank)), ("replayed", .int(input.replayed)),
                ("after_as_of", .int(input.afterAsOf)), ("people", .int(input.people)),
            ])),
            ("rejected", .array(rejected.map { error in
                .object([("line", .int(error.line)), ("field", .text(error.field)), ("reason", .string(error.reason))])
            })),
            ("people", .array(people.map { $0.jsonValue(asOf: asOf) })),
            ("findings", .array(findings.map(\.jsonValue))),
            ("indicators", indicators.jsonValue),
        ])
    }
}

extension Finding {
    var jsonValue: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("rule", .string(rule.rawValue)),
            ("severity", .string(severity.rawValue)),
            ("person", .string(person)),
            ("date", .date(date)),
        ]
        if isDeadline {
            members.append(("due", .date(due)))
            members.append(("done", .date(done)))
        }
        members.append(("event", .text(event)))
        members.append(("article", .string(references.map(\.citation).joined(separator: " ; "))))
        members.append(("confidence", .string(references.weakest.rawValue)))
        members.append(("message", .string(message)))
        return .object(members)
    }
}

extension PersonReport {
    func jsonValue(asOf: CivilDate?) -> JSONValue {
        let s = state
        var right: JSONValue = .null
        switch s.right {
        case .never: break
        case .open(let since, _):
            right = .object([("status", .string("open")), ("opened", .date(since)), ("closed", .null), ("reason", .null)])
        case .closed(let on, let reason):
            right = .object([("status", .string("closed")), ("opened", .date(s.pathwayStart)), ("closed", .date(on)),
                             ("reason", .string(reason.rawValue))])
        }
        let contract: JSONValue = s.contract.map { c in
            .object([("date", .date(c.date)), ("event", .string(c.event)), ("weekly_hours", .number(c.terms.weeklyHours.description)),
                     ("reduction_reason", .text(c.terms.reductionReason?.rawValue)), ("ends", .date(c.terms.ends)),
                     ("since_orientation", .bool(s.contractSinceOrientation))])
        } ?? .null
        return .object([
            ("person", .string(person)),
            ("state", .string(status.rawValue)),
            ("dominante", .text(s.orientation?.decision.dominante.rawValue)),
            ("organisme", .text(s.orientation?.decision.organisme.rawValue)),
            ("decided_by", .text(s.orientation?.decision.decidedBy.rawValue)),
            ("right", right),
            ("transfer", .bool(s.transferred)),
            ("subject_to_duties", .bool(s.subjectToDuties)),
            ("household_size", .int(s.householdSize)),
            ("single_parent_increase", .bool(s.singleParentIncrease)),
            ("monthly_amount", .euros(s.monthlyAmount)),
            ("registered", .date(s.registeredOn)),
            ("oriented", .date(s.orientation?.date)),
            ("notified", .date(s.orientation?.notified)),
            ("orientations", .int(s.orientationsInPathway)),
            ("reorientations", .int(s.reorientations)),
            ("diagnostic", .date(s.diagnosticOn)),
            ("contract", contract),
            ("deadlines", .array(deadlines.map { d in
                .object([("rule", .string(d.rule.rawValue)), ("start", .date(d.start)), ("due", .date(d.due)),
                         ("target", .date(d.target)), ("event", .string(d.event)),
                         ("origin", .string(d.origin.rawValue)),
                         ("passed", .bool(asOf.map { d.due < $0 } ?? false))])
            })),
            ("sanctions", .array(sanctions.map(\.jsonValue))),
            ("intensity", intensity.summaryJSON),
            ("appointments", .object([
                ("attended", .int(s.appointments[.attended] ?? 0)),
                ("missed", .int(s.appointments[.missed] ?? 0)),
                ("excused", .int(s.appointments[.excused] ?? 0)),
                ("no_show_rate", .decimal(Ratio.decimal(Ratio.perMille(s.appointments[.missed] ?? 0, s.appointments.values.reduce(0, +))))),
            ])),
            ("findings", .int(findings.count)),
            ("events", .int(eventsReplayed)),
        ])
    }
}

extension Indicators {
    private var intensityJSON: JSONValue {
        .object([
            ("contracts", .int(intensity.contracts)),
            ("contracts_at_least_15h", .int(intensity.contractsAtLeastMinimum)),
            ("share_at_least_15h", .decimal(Ratio.decimal(Ratio.perMille(intensity.contractsAtLeastMinimum, intensity.contracts)))),
            ("people_with_contract", .int(intensity.peopleWithContract)),
            ("people_with_reduction", .int(intensity.peopleWithReduction)),
            ("share_with_reduction", .decimal(Ratio.decimal(Ratio.perMille(intensity.peopleWithReduction, intensity.peopleWithContract)))),
            ("reductions_by_reason", .object(ReductionReason.allCases.map { ($0.rawValue, .int(intensity.reductionsByReason[$0] ?? 0)) })),
            ("average_hours_by_dominante", .object(Dominante.allCases.map { ($0.rawValue, .decimal(intensity.averageHours($0)?.description)) })),
            ("hours_by_category", .object(ActivityCategory.allCases.map { ($0.rawValue, .number((intensity.byCategory[$0] ?? .zero).description)) })),
            ("people_short", .int(intensity.peopleShort)),
            ("people_not_measured", .int(intensity.peopleNotMeasured)),
            ("appointments", .object([
                ("attended", .int(intensity.appointments[.attended] ?? 0)),
                ("missed", .int(intensity.appointments[.missed] ?? 0)),
                ("excused", .int(intensity.appointments[.excused] ?? 0)),
                ("no_show_rate", .decimal(Ratio.decimal(intensity.noShowPerMille))),
            ])),
        ])
    }

    private var sanctionsJSON: JSONValue {
        .object([
            ("suspension", .int(sanctions.suspension)),
            ("suppression", .int(sanctions.suppression)),
            ("by_basis", .object(SanctionBasis.allCases.map { ($0.rawValue, .int(sanctions.byBasis[$0] ?? 0)) })),
            ("remobilisations", .int(sanctions.remobilisations)),
            ("withdrawals", .int(sanctions.withdrawals)),
            ("withheld", .euros(sanctions.withheld)),
            ("refunded", .euros(sanctions.refunded)),
            ("lost", .euros(sanctions.lost)),
            ("unknown_amounts", .int(sanctions.unknownAmounts)),
        ])
    }

    var jsonValue: JSONValue {
        .object([
            ("orientation", orientation.jsonValue),
            ("contract", contract.jsonValue),
            ("review", review.jsonValue),
            ("stock", stock.jsonValue),
            ("by_dominante", .object(Dominante.allCases.map { ($0.rawValue, .int(byDominante[$0] ?? 0)) })),
            ("by_organisme", .object(Organisme.allCases.map { ($0.rawValue, .int(byOrganisme[$0] ?? 0)) })),
            ("reorientations", .int(reorientations)),
            ("registration_to_contract", .object([
                ("count", .int(registrationToContract.count)),
                ("median_days", .decimal(registrationToContract.median)),
                ("mean_days", .decimal(registrationToContract.mean)),
            ])),
            ("states", .object(PathwayStatus.allCases.map { ($0.rawValue, .int(states[$0] ?? 0)) })),
            ("intensity", intensityJSON),
            ("sanctions", sanctionsJSON),
            ("findings", .object(
                Severity.allCases.map { ($0.rawValue, JSONValue.int(findingsBySeverity[$0] ?? 0)) }
                + [("by_rule", .object(RuleRegistry.all.map { ($0.id.rawValue, .int(findingsByRule[$0.id] ?? 0)) }))]
            )),
        ])
    }
}

extension Intensity {
    /// The per-person summary of the JSON report (the weeks themselves are the library's).
    var summaryJSON: JSONValue {
        .object([
            ("measured", .bool(measured)),
            ("weeks_under_contract", .int(weeksUnderContract)),
            ("full_weeks", .int(fullWeeks)),
            ("days_under_contract", .int(daysUnderContract)),
            ("hours_done", .number(hoursDone.description)),
            ("average_hours_per_week", .decimal(averageHoursPerWeek?.description)),
            ("weeks_meeting_plan", .int(weeksMeetingPlan)),
            ("share_weeks_meeting_plan", .decimal(Ratio.decimal(Ratio.perMille(weeksMeetingPlan, weeksUnderContract)))),
            ("hours_by_category", .object(ActivityCategory.allCases.map { ($0.rawValue, .number((byCategory[$0] ?? .zero).description)) })),
            ("shortfalls", .array(episodes.map { e in
                .object([("first", .string(e.first.description)), ("last", .string(e.last.description)),
                         ("from", .date(e.firstMonday)), ("to", .date(e.lastMonday.adding(days: 6))), ("weeks", .int(e.weeks)),
                         ("hours_done", .number(e.done.description)),
                         ("hours_planned", .number(Hours(hundredths: (e.plannedSevenths * 2 + 7) / 14).description))])
            })),
        ])
    }
}

extension SanctionReport {
    var jsonValue: JSONValue {
        let r = record
        return .object([
            ("event", .string(r.event)),
            ("date", .date(r.date)),
            ("measure", .string(r.decision.measure.rawValue)),
            ("percent", .int(r.decision.percent)),
            ("months", .int(r.decision.months)),
            ("starts", .date(r.starts)),
            ("ends", .date(r.ends)),
            ("ended_by", .text(r.endedBy?.rawValue)),
            ("basis", .string(r.basis.rawValue)),
            ("failings", .array(r.failings.map { .string($0) })),
            ("repeats", .text(r.repeats)),
            ("regime", .string(r.regime.rawValue)),
            ("monthly_amount", .euros(amounts?.monthlyAmount)),
            ("withheld", .euros(amounts?.withheld)),
            ("refunded", .euros(amounts?.refunded)),
            ("lost", .euros(amounts?.lost)),
        ])
    }
}

extension DeadlineCounts {
    var jsonValue: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("on_time", .int(onTime)), ("late", .int(late)), ("pending", .int(pending)), ("missing", .int(missing)),
            ("cancelled", .int(cancelled)),
            ("on_time_rate", .decimal(Ratio.decimal(onTimePerMille))),
            ("median_days", .decimal(delay.median)),
            ("mean_days", .decimal(delay.mean)),
        ]
        if hasTarget {
            members.append(("target", .object([("met", .int(targetMet)), ("missed", .int(targetMissed))])))
        }
        return .object(members)
    }
}
