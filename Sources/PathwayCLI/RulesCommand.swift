import Pathway

/// `pathway rules`: the registry of rules, their sources and their parameters.
enum RulesCommand {
    static let usage = """
    Usage: pathway rules [--format text|json|markdown] [--as-of YYYY-MM-DD] [--config FILE] [--docs DIR]

    Prints every rule Pathway applies: its id, severity, what it checks, its articles with
    their confidence ([P] primary text, [S] secondary source, [I] interpretation), and its
    parameters with the values in force (and whether a département may override them).

    Options:
      --format FORMAT      text (default, French), json, or markdown: the parts of the rule
                           reference the registry knows (each page's head and table of
                           parameters, the index), between markers.
      --docs DIR           With --format markdown: rewrite those parts in DIR/rules/*.md and
                           DIR/README.md, in place (the prose and the examples are kept).
      --as-of YYYY-MM-DD   Show the values in force on that date (default: the latest values).
      --config FILE        Apply a file of local parameters, as replay does.
      -h, --help           Show this help.
    """

    static func run(_ arguments: [String], console: inout some Console) throws -> ExitStatus {
        var reader = ArgumentReader(arguments, command: "rules")
        var format = "text"
        var docs: String?
        var asOf: CivilDate?
        var parameters = Parameters.law
        while let token = reader.next() {
            switch token {
            case .positional(let word):
                throw UsageError(message: "unexpected argument '\(word)'", command: "rules")
            case .option(let name, let inline):
                switch name {
                case "-h", "--help":
                    console.out(usage + "\n")
                    return .success
                case "--format":
                    format = try reader.choice(for: name, inline: inline, among: ["text", "json", "markdown"])
                case "--docs":
                    docs = try reader.value(for: name, inline: inline, expected: "a folder (Docs)")
                case "--as-of":
                    asOf = try reader.date(for: name, inline: inline)
                case "--config":
                    parameters = try ReplayCommand.loadConfig(try reader.value(for: name, inline: inline, expected: "a JSON file path"), into: parameters)
                default:
                    throw UsageError(message: "unknown option '\(name)'\(Tool.suggest(name, among: ["--format", "--as-of", "--config", "--docs", "--help"]))", command: "rules")
                }
            }
        }
        switch format {
        case "json": console.out(RuleListing.json(parameters, asOf: asOf))
        case "markdown":
            guard let docs else { console.out(RuleReference.all(parameters)); return .success }
            let changed = try RuleListing.writeDocs(docs, parameters: parameters)
            console.err("\(changed) page(s) rewritten in \(docs)\n")
        default:
            if docs != nil { throw UsageError(message: "--docs goes with --format markdown", command: "rules") }
            console.out(RuleListing.text(parameters, asOf: asOf))
        }
        return .success
    }
}

/// The registry, rendered.
enum RuleListing {
    /// Rewrites the generated parts of the rule reference in `folder` (`Docs`); returns how many
    /// files changed.
    static func writeDocs(_ folder: String, parameters: Parameters) throws -> Int {
        var changed = 0
        func rewrite(_ path: String, _ transform: (String) -> String) throws {
            let old = try Files.readText(path)
            let new = transform(old)
            guard new != old else { return }
            try Files.writeAtomically(path, Array(new.utf8))
            changed += 1
        }
        try rewrite(folder + "/README.md") { RuleReference.replacing("index", with: RuleReference.index(parameters.rules.all), in: $0) }
        for rule in parameters.rules.all {
            try rewrite(folder + "/rules/\(rule.id).md") { RuleReference.page($0, for: rule, parameters: parameters) }
        }
        return changed
    }

    typealias Period = (from: CivilDate?, value: String, references: [LegalReference], note: String)

    static func shown(_ parameter: ParameterDescription, asOf: CivilDate?) -> Period? {
        asOf.map { parameter.period(on: $0) } ?? parameter.periods.last
    }

    static func text(_ parameters: Parameters, asOf: CivilDate?) -> String {
        let byKey = Dictionary(uniqueKeysWithValues: parameters.all.map { ($0.key, $0) })
        var out = "RÈGLES DE PATHWAY — valeurs " + (asOf.map { "en vigueur le \($0)" } ?? "les plus récentes") + "\n"
        out += "Confiance : [P] texte primaire lu ; [S] source secondaire ; [I] interprétation du projet, paramétrable.\n"
        for stage in Stage.allCases {
            let rules = RuleRegistry.all.filter { $0.stage == stage }
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
                    if let period = shown(parameter, asOf: asOf) {
                        out += period.value + (period.from.map { " (depuis le \($0))" } ?? "")
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
    static func inForceMark(_ inForce: InForce, asOf: CivilDate?) -> String? {
        let span = [inForce.from.map { "à partir du \($0)" }, inForce.until.map { "jusqu'au \($0)" }].compactMap { $0 }
        guard !span.isEmpty else { return nil }
        let period = "En vigueur " + span.joined(separator: " et ")
        guard let asOf else { return period + "." }
        if let from = inForce.from, asOf < from { return period + " : PAS ENCORE EN VIGUEUR le \(asOf)." }
        if let until = inForce.until, asOf > until { return period + " : PLUS EN VIGUEUR le \(asOf)." }
        return period + "."
    }

    static func json(_ parameters: Parameters, asOf: CivilDate?) -> String {
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
        let rules = RuleRegistry.all.map { rule -> JSONValue in
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
