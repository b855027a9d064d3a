import PathwayMachinery
import PathwayLaw
/// The parts of the rule reference (`Docs/rules/`, `Docs/README.md`) that the registry already
/// knows, written from it: each page's head (id, title, severity, stage, confidence, sources,
/// days in force, links to the code and the tests), its table of parameters with every dated
/// value and its sources, and the index of the rules. The prose and the executable examples stay
/// written by hand; `pathway rules --format markdown` prints these parts and `--docs DIR` writes
/// them into the pages, between the markers below. A test fails when a committed page differs.
public enum RuleReference {
    /// The markers around a generated block, in the Markdown source (invisible once rendered).
    public static func begin(_ block: String) -> String {
        "<!-- début généré (\(block)) : pathway rules --format markdown --docs Docs ; ne pas modifier à la main -->"
    }
    public static func end(_ block: String) -> String { "<!-- fin généré (\(block)) -->" }

    /// The head of `rule`'s page: its title and its table.
    public static func head(_ rule: Rule) -> String {
        let stage = rule.stage.folder
        let file = "Rules/\(stage)/\(rule.id).swift"
        var out = "# `\(rule.id)` — \(rule.title)\n\n| | |\n|---|---|\n"
        out += "| Gravité | **\(rule.severity.label)** |\n"
        out += "| Étape | \(stageLabel(rule.stage)) |\n"
        out += "| Confiance | \(rule.confidence.tag) : celle de sa source la plus faible |\n"
        out += "| Sources | \(rule.references.map(\.description).joined(separator: " ; ")) |\n"
        let span = [rule.inForce.from.map { "à partir du \($0)" }, rule.inForce.until.map { "jusqu'au \($0)" }].compactMap { $0 }
        out += "| En vigueur | \(span.isEmpty ? "toujours" : span.joined(separator: " et ")) |\n"
        out += "| Code | [`\(file)`](../../Sources/PathwayLaw/\(file)) : l'entrée du registre, les conditions et les messages |\n"
        out += "| Tests | [`\(file)`](../../Tests/PathwayTests/\(file)) et les exemples ci-dessous |\n"
        return out
    }

    /// The table of the parameters `rule` reads: one row per dated value, with its sources.
    public static func parameters(_ rule: Rule, in parameters: Parameters = .law) -> String {
        guard !rule.parameters.isEmpty else { return "La règle ne lit aucun paramètre.\n" }
        let byKey = Dictionary(parameters.all.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var out = "| clé | valeur | à partir du | sources | modifiable |\n|---|---|---|---|---|\n"
        for key in rule.parameters {
            guard let p = byKey[key] else { continue }
            let editable = p.isLocal ? "oui (cible locale)" : p.overridable ? "oui (`--config`)" : "non"
            if p.periods.isEmpty {
                out += "| `\(key)` | non fixé | — | \(p.references.map(\.description).joined(separator: " ; ")) | \(editable) |\n"
            }
            for period in p.periods {
                let sources = period.references.map(\.description).joined(separator: " ; ")
                out += "| `\(key)` | \(cell(ParameterDescription.french(period.value))) | \(period.from.map { "\($0)" } ?? "toujours") | \(sources) | \(editable) |\n"
            }
        }
        return out
    }

    /// The index of the rules, by stage, in the order of the registry.
    public static func index(_ rules: [Rule] = RuleRegistry.all) -> String {
        var out = "| étape | règle | gravité | confiance |\n|---|---|---|---|\n"
        for rule in rules {
            out += "| \(stageLabel(rule.stage)) | [`\(rule.id)`](rules/\(rule.id).md) — \(rule.title) | \(rule.severity.label) | \(rule.confidence.tag) |\n"
        }
        return out
    }

    /// Every generated block, for `pathway rules --format markdown`.
    public static func all(_ parameters: Parameters = .law) -> String {
        var out = begin("index") + "\n" + index(parameters.rules.all) + end("index") + "\n"
        for rule in parameters.rules.all {
            out += "\n" + begin("tête") + "\n" + head(rule) + end("tête") + "\n"
            out += "\n" + begin("paramètres") + "\n" + self.parameters(rule, in: parameters) + end("paramètres") + "\n"
        }
        return out
    }

    /// `page` with its blocks named `block` replaced by `content` (the page unchanged when it has
    /// no such block).
    public static func replacing(_ block: String, with content: String, in page: String) -> String {
        let open = begin(block) + "\n", close = end(block)
        var lines = page.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(of: String(open.dropLast())),
              let stop = lines[start...].firstIndex(of: close) else { return page }
        var inner = content.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if inner.last == "" { inner.removeLast() }
        lines.replaceSubrange((start + 1)..<stop, with: inner)
        return lines.joined(separator: "\n")
    }

    /// A rule page with its head and its parameters rewritten from the registry.
    public static func page(_ page: String, for rule: Rule, parameters: Parameters = .law) -> String {
        let withHead = replacing("tête", with: head(rule), in: page)
        return replacing("paramètres", with: self.parameters(rule, in: parameters), in: withHead)
    }

    private static func cell(_ text: String) -> String { text.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|") }

    package static func stageLabel(_ stage: Stage) -> String {
        switch stage {
        case .orientation: return "orientation"
        case .contract: return "contrat"
        case .review: return "réexamen"
        case .sequence: return "séquence"
        case .sanction: return "sanction"
        case .intensity: return "intensité"
        case .appeal: return "recours"
        case .data: return "données"
        }
    }
}
