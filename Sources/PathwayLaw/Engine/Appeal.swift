import PathwayMachinery
/// An appeal (recours administratif préalable obligatoire, CASF L262-47, R262-88 to R262-91) as
/// the engine keeps it: the contested decision, the commission's referral and opinion, the answer.
public struct AppealRecord: Sendable, Hashable {
    /// The `appeal_filed` event's id.
    public var event: String
    /// The day the PCD received the appeal.
    public var date: CivilDate
    /// The contested `sanction_decided`'s id.
    public var decision: String
    /// The first referral to the commission de recours amiable, and its first opinion.
    public var referred: CivilDate?
    public var opinion: CivilDate?
    /// The PCD's answer, with its event's id, and what it decided.
    public var decided: CivilDate?
    public var answer: String?
    public var outcome: AppealOutcome?
}

extension PersonState {
    /// Whether the event names (`decision`, `appeal`) an event of the right type that the person's
    /// log holds so far; `true` for an event that names none. An event whose reference is unknown
    /// is replayed as nothing but a finding (`data.unknown_reference`).
    public func resolves(_ event: Event) -> Bool {
        switch event.kind {
        case .appealFiled(let decision): return sanctions.contains { $0.event == decision }
        case .appealReferred(let appeal), .appealOpinion(let appeal): return appeals.contains { $0.event == appeal }
        case .appealDecided(let answer): return appeals.contains { $0.event == answer.appeal }
        default: return true
        }
    }

    /// Keeps an appeal event whose reference resolves (``resolves(_:)``).
    mutating func recordAppeal(_ event: Event) {
        switch event.kind {
        case .appealFiled(let decision):
            appeals.append(AppealRecord(event: event.id, date: event.date, decision: decision))
        case .appealReferred(let appeal):
            if let i = appeals.firstIndex(where: { $0.event == appeal }), appeals[i].referred == nil { appeals[i].referred = event.date }
        case .appealOpinion(let appeal):
            if let i = appeals.firstIndex(where: { $0.event == appeal }), appeals[i].opinion == nil { appeals[i].opinion = event.date }
        case .appealDecided(let answer):
            guard let i = appeals.firstIndex(where: { $0.event == answer.appeal }), appeals[i].decided == nil else { return }
            appeals[i].decided = event.date
            appeals[i].answer = event.id
            appeals[i].outcome = answer.outcome
            guard let s = sanctions.firstIndex(where: { $0.event == appeals[i].decision }), !sanctions[s].isWithdrawn else { return }
            switch answer.outcome {
            case .granted:
                // A decision annulled on appeal is regularised as a withdrawal, on the answer's
                // day, and opens no repetition window [I].
                sanctions[s].endedOn = min(sanctions[s].endedOn ?? event.date, event.date)
                sanctions[s].endedBy = .withdrawn
            case .reformed where sanctions[s].reform == nil:
                // The new terms replace those given, from the decision's start; the amounts
                // refund what the old terms withheld beyond them (`SanctionRecord.amounts`).
                sanctions[s].reform = SanctionRecord.Reform(on: event.date, answer: event.id, original: sanctions[s].decision)
                if let measure = answer.measure { sanctions[s].decision.measure = measure }
                if let percent = answer.percent { sanctions[s].decision.percent = percent }
                if let months = answer.months { sanctions[s].decision.months = months }
            case .reformed, .rejected:
                break // an appeal does not suspend a sanction
            }
        default:
            break
        }
    }
}
