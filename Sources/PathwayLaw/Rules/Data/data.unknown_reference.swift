import PathwayMachinery
/// `data.unknown_reference` (warning): an event that names another (`decision`, `appeal`) names
/// one the person's log holds, of the right type. The line is well-formed, the reference is
/// wrong: the event is replayed as nothing but this finding [I].
/// Page: `Docs/rules/data.unknown_reference.md`.
extension Rules.Data {
    package enum UnknownReference: RuleDefinition {
        package static let id: RuleID = "data.unknown_reference"

        package static let rule = Rule(
            id: id, severity: .warning,
            title: "Référence à un événement absent",
            summary: "Un événement qui en désigne un autre (décision contestée, recours) désigne un événement du journal de la même personne et du bon type ; sinon il n'est pas rejoué.",
            references: [Law.dataReferences],
            parameters: [])

        package static let trigger = RuleTrigger.before([.appealFiled, .appealReferred, .appealOpinion, .appealDecided])

        package static func evaluate(_ c: RuleContext, into findings: inout [Finding]) {
            guard let event = c.event, !c.state.resolves(event) else { return }
            let (field, id, expected): (String, String, String)
            switch event.kind {
            case .appealFiled(let decision): (field, id, expected) = ("decision", decision, "une décision de sanction (sanction_decided)")
            case .appealReferred(let appeal), .appealOpinion(let appeal): (field, id, expected) = ("appeal", appeal, "un recours (appeal_filed)")
            case .appealDecided(let answer): (field, id, expected) = ("appeal", answer.appeal, "un recours (appeal_filed)")
            default: return
            }
            findings.append(finding(c.person, event,
                "Événement « \(FrenchWords.label(event.type)) » du \(event.date) : son champ \(field) désigne « \(id) », qui n'est pas "
                + "\(expected) antérieur de la même personne ; l'événement n'est pas rejoué. " + cited + "."))
        }
    }
}
