import PathwayMachinery
import PathwayLaw

/// The registry, rendered: `pathway rules` in French text or JSON.
public enum RuleListing {
    public typealias Period = (from: CivilDate?, value: String, references: [LegalReference], note: String)

    public static func shown(_ parameter: ParameterDescription, asOf: CivilDate?) -> Period? {
        asOf.map { parameter.period(on: $0) } ?? parameter.periods.last
    }

    public static func text(_ parameters: Parameters, asOf: CivilDate?) -> String {
        let byKey = Dictionary(uniqueKeysWithValues: parameters.all.map { ($0.key, $0) })
        var out = "RÈGLES DE PATHWAY — valeurs " + (asOf.map { "en vigueur le \($0)" } ?? "les plus récentes") + "\n"
        out += "Confiance : [P] texte primaire lu ; [S] source secondaire ; [I] interprétation du projet, paramétrable.\n"
        for stage in Stage.allCases {
            let rules = parameters.rules.all.filter { $0.stage == stage }
            guard !rules.isEmpty else { continue }
            for rule in rules {
                out += "\n\(rule.id) — \(rule.severity.label) — \(rule.title)\n"
                if let mark = inForceMark(rule.inForce, asOf: asOf) { out += "  \(mark)\n" }
                out += "  \(rule.summary)\n"
                out += "  Base : \(rule.references.map(\.description).joined(separator: " ; "))\n"
                out += "  Confiance : \(rule.confidence.tag) (\(rule.confidence.meaning))\n"
                for key in rule.parameters {
                    guard let parameter = byKey[key] else { continue }
                    out += "  Paramètre \(key) = "
                    // A rule of the former law shows the values of its last day, not today's.
                    let day = rule.inForce.until.map { until in asOf.map { min($0, until) } ?? until } ?? asOf
                    if let period = shown(parameter, asOf: day) {
                        out += ParameterDescription.french(period.value) + (period.from.map { " (depuis le \($0))" } ?? "")
                    } else {
                        out += parameter.isLocal && parameter.periods.isEmpty ? "non fixé (cible locale)" : "non en vigueur"
                    }
                    out += parameter.isLocal ? " — local" : ""
                    out += parameter.overridable ? " — modifiable par --config" : ""
                    if let override = parameters.overrides[key] { out += " — remplacé par --config (\(override))" }
                    out += "\n"
                }
            }
        }
        return out
    }

    /// `En vigueur à partir du 2025-06-01 : pas encore en vigueur le 2025-05-01.`, or `nil` for
    /// a rule in force on `asOf` (or always).
    public static func inForceMark(_ inForce: InForce, asOf: CivilDate?) -> String? {
        let span = [inForce.from.map { "à partir du \($0)" }, inForce.until.map { "jusqu'au \($0)" }].compactMap { $0 }
        guard !span.isEmpty else { return nil }
        let period = "En vigueur " + span.joined(separator: " et ")
        guard let asOf else { return period + "." }
        if let from = inForce.from, asOf < from { return period + " : PAS ENCORE EN VIGUEUR le \(asOf)." }
        if let until = inForce.until, asOf > until { return period + " : PLUS EN VIGUEUR le \(asOf)." }
        return period + "."
    }

    public static func json(_ parameters: Parameters, asOf: CivilDate?) -> String {
        func reference(_ r: LegalReference) -> JSONValue {
            .object([("code", .string(r.code)), ("article", .string(r.article)), ("citation", .string(r.citation)),
                     ("confidence", .string(r.confidence.rawValue))])
        }
        func date(_ d: CivilDate?) -> JSONValue { d.map { .string($0.description) } ?? .null }
        let params = parameters.all.map { p -> JSONValue in
            let shown = shown(p, asOf: asOf)
            return .object([
                ("key", .string(p.key)),
                ("summary", .string(p.summary)),
                ("value", shown.map { .string($0.value) } ?? .null),
                ("from", date(shown?.from)),
                ("overridable", .bool(p.overridable)),
                ("local", .bool(p.isLocal)),
                ("overridden", parameters.overrides[p.key].map { .string($0) } ?? .null),
                ("periods", .array(p.periods.map { period in
                    .object([("from", date(period.from)), ("value", .string(period.value)),
                             ("references", .array(period.references.map(reference))), ("note", .string(period.note))])
                })),
            ])
        }
        let rules = parameters.rules.all.map { rule -> JSONValue in
            .object([
                ("id", .string(rule.id.rawValue)),
                ("severity", .string(rule.severity.rawValue)),
                ("stage", .string(rule.stage.rawValue)),
                ("title", .string(rule.title)),
                ("summary", .string(rule.summary)),
                ("confidence", .string(rule.confidence.rawValue)),
                ("references", .array(rule.references.map(reference))),
                ("parameters", .array(rule.parameters.map { .string($0) })),
                ("in_force", .object([("from", date(rule.inForce.from)), ("until", date(rule.inForce.until))])),
                ("in_force_on_as_of", asOf.map { .bool(rule.inForce.contains($0)) } ?? .null),
            ])
        }
        return JSONValue.object([("as_of", date(asOf)), ("rules", .array(rules)), ("parameters", .array(params))]).serialized() + "\n"
    }
}
