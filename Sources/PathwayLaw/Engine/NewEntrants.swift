import PathwayMachinery
/// The départements' monthly indicator of new entrants ("Paramétrage des indicateurs du volet 2",
/// a national reporting convention [S]): a person **enters** on the first day of a follow-up on
/// which the right is open and payable, the person is subject to duties, and no orientation was
/// decided in the follow-up; at most one entry per follow-up. The entry is oriented within the
/// target when the follow-up's first orientation is notified before entry + `new_entrant_target_days`.
public struct NewEntry: Sendable, Hashable {
    /// The day the person entered.
    public var entered: CivilDate
    /// The notification of the follow-up's first orientation after the entry, if any.
    public var notified: CivilDate?

    /// How the entry stands at `asOf` against a target of `days` (met when notified on or before
    /// entry + days − 1).
    public func status(asOf: CivilDate, targetDays days: Int) -> Status {
        let lastDay = entered.adding(days: days - 1)
        if let notified { return notified <= lastDay ? .withinTarget : .later }
        return asOf <= lastDay ? .pending : .missing
    }

    public enum Status: String, Sendable, CaseIterable {
        case withinTarget = "within_target", later, pending, missing
    }
}

/// A follow-up of the person (a "suivi"): it begins with the first opening of the right, with a
/// reopening after a closure, and with a payment resumed after a suspension of more than
/// `follow_up_reset_months`.
public struct FollowUp: Sendable, Hashable {
    public var start: CivilDate
    /// Whether an orientation was decided in it (before any entry: no entry then).
    public var oriented = false
    /// Whether the person entered in it.
    public var entered = false
}

extension PersonState {
    /// Follows the follow-up through `event`, after the state changed: a new follow-up, a payment
    /// suspended or resumed, an orientation notified, and the entry once its conditions hold.
    mutating func trackFollowUp(_ event: Event, rightWasOpen: Bool, rightWasNever: Bool, under parameters: Parameters) {
        switch event.kind {
        case .rightOpened:
            if rightWasNever || !rightWasOpen {
                followUp = FollowUp(start: event.date)
                paymentSuspendedSince = nil
            }
        case .paymentSuspended:
            if paymentSuspendedSince == nil { paymentSuspendedSince = event.date }
        case .paymentResumed:
            if let since = paymentSuspendedSince, let months = parameters.followUpResetMonths.value(on: event.date),
               event.date > parameters.lastDay(after: since, months: months) {
                followUp = FollowUp(start: event.date)
            }
            paymentSuspendedSince = nil
        case .orientationDecided(let decision):
            guard followUp != nil else { break }
            if followUp?.entered == true {
                if let last = newEntries.indices.last, newEntries[last].notified == nil {
                    newEntries[last].notified = decision.notified ?? event.date
                }
            } else {
                followUp?.oriented = true
            }
        default:
            break
        }
        if let current = followUp, !current.entered, !current.oriented, isOpen, paymentSuspendedSince == nil,
           subjectToDuties, !dutiesUnknown {
            followUp?.entered = true
            newEntries.append(NewEntry(entered: event.date, notified: nil))
        }
    }
}
