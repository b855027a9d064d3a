import PathwayMachinery
/// The event log v1 as a schema (`Docs/events.md`, `Docs/schema/events.schema.json`): its
/// fields, the type each event type reads from them, their ranges and allowed values (the
/// enums of `Event.swift`), and their defaults. The lexer (`Machinery/Reading`) finds the
/// members of a line and reads them through the typed accessors of ``FieldReader`` (`text`,
/// `date`, `bool`, `integer`, `hundredths`, `money`, `choice`, `strings`), which name the field
/// at fault when a value does not fit.
///
/// The fields of the event log v1 (`Docs/events.md`); the raw value is the index in the
/// parser's slot table.
package enum Field: Int, CaseIterable {
    case id, person, type, date
    case transfer, household_size, single_parent_increase, subject_to_duties, monthly_amount
    case reason, category, dominante, organisme, notified, decided_by, extended_review, barriers
    case weekly_hours, reduction_reason, ends, hours, purpose, status, failing, legitimate_reason
    case measure, percent, months, starts, proposed_by_france_travail, proposed_percent, proposed_months
    case dated_from
    case decision, appeal, outcome
    /// Any event's: the system it was imported from (``SourceTally``).
    case source

    /// The field's name in the log (`household_size`).
    package var name: String { Field.names[rawValue] }

    private static let names: [String] = allCases.map { "\($0)" }
}

extension FieldReader {
    /// The terms of `contract_signed` and `contract_updated`.
    package func weeklyHours() throws(LineError) -> ContractTerms {
        let hours = try hundredths(.weekly_hours, required: false, rounding: true, accept: { $0 >= 0 && $0 <= 16_800 },
                                   expectation: .weeklyHours)
        return ContractTerms(weeklyHours: hours.map { Hours(hundredths: Int($0)) },
                             reductionReason: try choice(.reduction_reason, required: false, as: ReductionReason.self),
                             ends: try date(.ends, required: false))
    }

    package func sanctionTerms(required isRequired: Bool) throws(LineError) -> (SanctionMeasure?, Int?, Int?) {
        (try choice(.measure, required: isRequired, as: SanctionMeasure.self),
         try integer(.percent, required: isRequired, in: 1...100, expectation: .integer(1...100)),
         try integer(.months, required: isRequired, in: 1...12, expectation: .integer(1...12)))
    }

    package func kind(_ type: EventType) throws(LineError) -> EventKind {
        switch type {
        case .rightOpened:
            return .rightOpened(RightOpening(
                transfer: try bool(.transfer) ?? false,
                householdSize: try integer(.household_size, required: false, in: 1...99, expectation: .integer(1...99)) ?? 1,
                singleParentIncrease: try bool(.single_parent_increase) ?? false,
                subjectToDuties: try bool(.subject_to_duties) ?? true,
                monthlyAmount: try money(.monthly_amount),
                dutiesStated: try bool(.subject_to_duties) != nil,
                datedFromApplication: try choice(.dated_from, required: false, as: DatedFrom.self) == .application,
                dutiesUnknown: isNull(.subject_to_duties)))
        case .householdChanged:
            let change = HouseholdChange(
                householdSize: try integer(.household_size, required: false, in: 1...99, expectation: .integer(1...99)),
                singleParentIncrease: try bool(.single_parent_increase),
                monthlyAmount: try money(.monthly_amount))
            guard change.householdSize != nil || change.singleParentIncrease != nil || change.monthlyAmount != nil else {
                throw fail(nil, .emptyHouseholdChange)
            }
            return .householdChanged(change)
        case .dutiesChanged:
            _ = try required(.subject_to_duties)
            return .dutiesChanged(subjectToDuties: try bool(.subject_to_duties) ?? false)
        case .rightClosed:
            guard let reason = try choice(.reason, required: true, as: ClosureReason.self) else { throw fail(.reason, .missing) }
            return .rightClosed(reason: reason)
        case .registered:
            return .registered(category: try text(.category, required: false))
        case .orientationDecided:
            guard let dominante = try choice(.dominante, required: true, as: Dominante.self),
                  let organisme = try choice(.organisme, required: true, as: Organisme.self) else {
                throw fail(.dominante, .missing)
            }
            return .orientationDecided(OrientationDecision(
                dominante: dominante, organisme: organisme,
                notified: try date(.notified, required: false),
                decidedBy: try choice(.decided_by, required: false, as: Decider.self) ?? .departement,
                extendedReview: try bool(.extended_review) ?? false))
        case .diagnosticCompleted:
            return .diagnosticCompleted(barriers: try strings(.barriers))
        case .situationReviewed:
            return .situationReviewed
        case .contractSigned:
            return .contractSigned(try weeklyHours())
        case .contractUpdated:
            return .contractUpdated(try weeklyHours())
        case .activity:
            let hours = try hundredths(.hours, required: true, rounding: true, accept: { $0 > 0 && $0 <= 2_400 },
                                       expectation: .dailyHours) ?? 0
            guard let category = try choice(.category, required: true, as: ActivityCategory.self) else {
                throw fail(.category, .missing)
            }
            return .activity(hours: Hours(hundredths: Int(hours)), category: category)
        case .appointment:
            guard let purpose = try choice(.purpose, required: true, as: AppointmentPurpose.self),
                  let status = try choice(.status, required: true, as: AppointmentStatus.self) else {
                throw fail(.purpose, .missing)
            }
            return .appointment(purpose: purpose, status: status)
        case .failingRecorded:
            guard let failing = try choice(.failing, required: true, as: FailingKind.self) else {
                throw fail(.failing, .missing)
            }
            return .failingRecorded(failing: failing, legitimateReason: try bool(.legitimate_reason) ?? false)
        case .sanctionNotice:
            let (measure, percent, months) = try sanctionTerms(required: false)
            return .sanctionNotice(SanctionTerms(measure: measure, percent: percent, months: months))
        case .observationsReceived:
            return .observationsReceived
        case .teamOpinion:
            return .teamOpinion
        case .hearingRequested:
            return .hearingRequested
        case .teamReferral:
            return .teamReferral
        case .appealFiled:
            guard let decision = try text(.decision, required: true) else { throw fail(.decision, .missing) }
            return .appealFiled(decision: decision)
        case .appealReferred:
            guard let appeal = try text(.appeal, required: true) else { throw fail(.appeal, .missing) }
            return .appealReferred(appeal: appeal)
        case .appealOpinion:
            guard let appeal = try text(.appeal, required: true) else { throw fail(.appeal, .missing) }
            return .appealOpinion(appeal: appeal)
        case .appealDecided:
            guard let appeal = try text(.appeal, required: true) else { throw fail(.appeal, .missing) }
            guard let outcome = try choice(.outcome, required: true, as: AppealOutcome.self) else { throw fail(.outcome, .missing) }
            let (measure, percent, months) = try sanctionTerms(required: false)
            return .appealDecided(AppealDecision(appeal: appeal, outcome: outcome, measure: measure, percent: percent, months: months))
        case .paymentSuspended:
            return .paymentSuspended(reason: try text(.reason, required: false))
        case .paymentResumed:
            return .paymentResumed
        case .sanctionDecided:
            let (measure, percent, months) = try sanctionTerms(required: true)
            guard let measure, let percent, let months else { throw fail(.measure, .missing) }
            return .sanctionDecided(SanctionDecision(
                measure: measure, percent: percent, months: months,
                starts: try date(.starts, required: false),
                proposedByFranceTravail: try bool(.proposed_by_france_travail) ?? false,
                proposedPercent: try integer(.proposed_percent, required: false, in: 1...100, expectation: .integer(1...100)),
                proposedMonths: try integer(.proposed_months, required: false, in: 1...12, expectation: .integer(1...12)),
                notified: try date(.notified, required: false)))
        case .remobilised:
            return .remobilised
        case .sanctionWithdrawn:
            return .sanctionWithdrawn
        }
    }
}
