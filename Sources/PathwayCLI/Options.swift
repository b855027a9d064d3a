import Pathway

/// One option of a command, declared once: the command's parser and its usage text are both
/// made from its table (``CommandSpec``), so that no option is accepted without being shown, and
/// none shown that is not accepted.
struct OptionSpec: Sendable {
    /// What the option takes.
    enum Value: Sendable {
        /// Nothing: a flag.
        case none
        /// A text (`FILE`), with what is expected when it is missing.
        case text(placeholder: String, expected: String)
        /// One of these words.
        case choice([String])
        /// A day of the calendar.
        case date
        /// A whole number in the range.
        case integer(placeholder: String, ClosedRange<Int>)
    }

    var name: String
    /// A one-letter alias (`-o`), shown beside the name.
    var short: String?
    var value: Value
    /// One paragraph; wrapped in the usage text.
    var help: String
    /// Whether it may be given several times (its values are kept in order); otherwise the last wins.
    var repeatable = false

    init(_ name: String, short: String? = nil, _ value: Value = .none, help: String, repeatable: Bool = false) {
        self.name = name
        self.short = short
        self.value = value
        self.help = help
        self.repeatable = repeatable
    }

    /// `--format text|json|csv`, `--output FILE`, `--strict`.
    var synopsis: String {
        switch value {
        case .none: return name
        case .text(let placeholder, _), .integer(let placeholder, _): return "\(name) \(placeholder)"
        case .choice(let words): return "\(name) \(words.joined(separator: "|"))"
        case .date: return "\(name) YYYY-MM-DD"
        }
    }

    /// The left column of the options' list: `-o, --output FILE`.
    var label: String {
        (short.map { "\($0), " } ?? "") + synopsis
    }
}

/// The options several commands share, declared once.
enum CommonOptions {
    static func asOf(_ help: String = "Date à laquelle les délais en cours sont jugés (par défaut : la date la plus récente du journal, jamais l'horloge de la machine).") -> OptionSpec {
        OptionSpec("--as-of", .date, help: help)
    }
    static func format(_ choices: [String], help: String) -> OptionSpec {
        OptionSpec("--format", .choice(choices), help: help)
    }
    static let config = OptionSpec("--config", .text(placeholder: "FILE", expected: "un chemin de fichier JSON"),
                                   help: "Objet JSON de paramètres locaux (cibles locales, choix [I]), par exemple {\"orientation_target_days\": 15}. Une clé inconnue est une erreur.")
    static let encoding = OptionSpec("--encoding", .choice(["utf-8", "windows-1252"]),
                                     help: "L'encodage du journal : utf-8 (par défaut) ou windows-1252 (un journal d'un outil ancien).")
    static func output(_ help: String = "Écrire dans FICHIER au lieu de la sortie standard (par un fichier temporaire renommé une fois complet).") -> OptionSpec {
        OptionSpec("--output", short: "-o", .text(placeholder: "FILE", expected: "un chemin de fichier"), help: help)
    }
    static let help = OptionSpec("--help", short: "-h", help: "Cette aide.")
    static let mapping = OptionSpec("--mapping", .text(placeholder: "FILE", expected: "un fichier de correspondance (JSON)"),
                                    help: "Une correspondance propre avec laquelle le journal a été importé (pathway import csv --mapping) : ses \"source\" et \"records\" déclarent ce que cette source enregistre, pour qu'une règle dont aucune source du journal n'enregistre les données ne soit pas jugée. Répétable. Les sources intégrées (caf, msa, pilotage, rdv-insertion) n'en ont pas besoin.",
                                    repeatable: true)

    /// The sources declared: the built-in ones and those of the `--mapping` files.
    static func sources(_ paths: [String]) throws -> SourceDeclarations {
        var declared = SourceDeclarations.builtIn
        for path in paths {
            let text = try Files.readText(path)
            do {
                let mapping = try CSVImport.mapping(try JSONValue.parse(text))
                declared = declared.declaring(mapping.source, records: mapping.records)
            } catch let error as JSONValue.ParseError {
                throw InputError(message: "\(path) : JSON invalide, \(error)")
            } catch {
                throw InputError(message: "\(path) : \(error)")
            }
        }
        return declared
    }
}

/// A command's table: its synopsis, description and options, from which its usage text and
/// its parser are made.
struct CommandSpec: Sendable {
    var name: String
    /// The positional arguments in the synopsis (`<events.ndjson... | ->`).
    var arguments: String
    var description: String
    var options: [OptionSpec]
    /// Paragraphs after the options (exit statuses, examples).
    var footer: String?

    init(_ name: String, arguments: String, description: String, options: [OptionSpec], footer: String? = nil) {
        self.name = name
        self.arguments = arguments
        self.description = description
        self.options = options + [CommonOptions.help]
        self.footer = footer
    }

    /// The usage text: the synopsis wrapped at 96 columns, the description, every option.
    var usage: String {
        var out = ""
        let head = "Usage : pathway \(name)" + (arguments.isEmpty ? "" : " \(arguments)")
        let indent = String(repeating: " ", count: min(head.count + 1, 30))
        var line = head
        for option in options where option.name != "--help" {
            let piece = "[\(option.synopsis)]"
            if line.count + 1 + piece.count > 96 {
                out += line + "\n"
                line = indent + piece
            } else {
                line += " " + piece
            }
        }
        out += line + "\n\n" + description + "\n\nOptions :\n"
        let width = min(24, (options.map(\.label.count).max() ?? 0) + 3)
        for option in options {
            let label = "  " + option.label
            let lines = Self.wrap(option.help, width: 94 - width)
            if label.count + 1 < width + 2 {
                out += label.padding(to: width + 2) + (lines.first ?? "") + "\n"
                for more in lines.dropFirst() { out += String(repeating: " ", count: width + 2) + more + "\n" }
            } else {
                out += label + "\n"
                for more in lines { out += String(repeating: " ", count: width + 2) + more + "\n" }
            }
        }
        if let footer { out += "\n" + footer + "\n" }
        return out
    }

    /// The arguments read by this table: `nil` when help was asked. An unknown option names
    /// the closest known one; a missing, ill-formed or out-of-range value is an error.
    func parse(_ arguments: [String]) throws(UsageError) -> ParsedOptions? {
        var parsed = ParsedOptions()
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            if argument == "--" {
                parsed.positionals.append(contentsOf: remaining)
                break
            }
            guard argument.hasPrefix("-"), argument != "-" else {
                parsed.positionals.append(argument)
                continue
            }
            var name = argument
            var inline: String?
            if let eq = argument.firstIndex(of: "=") {
                name = String(argument[..<eq])
                inline = String(argument[argument.index(after: eq)...])
            }
            guard let option = options.first(where: { $0.name == name || $0.short == name }) else {
                throw UsageError(message: "option inconnue « \(name) »\(Tool.suggest(name, among: options.map(\.name)))", command: self.name)
            }
            if option.name == "--help" { return nil }
            let text: String
            if case .none = option.value {
                guard inline == nil else { throw UsageError(message: "\(option.name) ne prend pas de valeur", command: self.name) }
                text = ""
            } else if let inline {
                text = inline
            } else if let next = remaining.first, !next.hasPrefix("--") {
                text = next
                remaining.removeFirst()
            } else {
                throw UsageError(message: "\(option.name) demande une valeur : \(expected(option))", command: self.name)
            }
            try check(text, for: option)
            if option.repeatable { parsed.values[option.name, default: []].append(text) } else { parsed.values[option.name] = [text] }
        }
        return parsed
    }

    private func expected(_ option: OptionSpec) -> String {
        switch option.value {
        case .none: return "rien"
        case .text(_, let expected): return expected
        case .choice(let words): return Self.listed(words)
        case .date: return "une date AAAA-MM-JJ"
        case .integer(_, let range): return "un nombre entier de \(range.lowerBound) à \(range.upperBound)"
        }
    }

    private func check(_ text: String, for option: OptionSpec) throws(UsageError) {
        switch option.value {
        case .none, .text:
            return
        case .choice(let words):
            guard words.contains(text.lowercased()) || words.contains(text) else {
                throw UsageError(message: "\(option.name) : \(Self.listed(words)) attendu, reçu « \(text) »", command: name)
            }
        case .date:
            if CivilDate(text) != nil { return }
            if Array(text.utf8).withUnsafeBufferPointer({ CivilDate.parse($0) }) == .impossible {
                throw UsageError(message: "\(option.name) : \(text) n'est pas un jour du calendrier (jour inexistant, ou année hors de \(CivilDate.supportedYears.lowerBound) à \(CivilDate.supportedYears.upperBound))", command: name)
            }
            throw UsageError(message: "\(option.name) : une date AAAA-MM-JJ était attendue, reçu « \(text) »", command: name)
        case .integer(_, let range):
            guard let n = Int(text), range.contains(n) else {
                throw UsageError(message: "\(option.name) : un nombre entier de \(range.lowerBound) à \(range.upperBound) était attendu, reçu « \(text) »", command: name)
            }
        }
    }

    /// `text, json or csv`.
    static func listed(_ words: [String]) -> String {
        words.count > 1 ? words.dropLast().joined(separator: ", ") + " ou " + words[words.count - 1] : words.joined()
    }

    /// `text` cut into lines of at most `width` characters, at spaces.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = String(word)
            } else {
                line += (line.isEmpty ? "" : " ") + word
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}

/// The options given, already checked against their table.
struct ParsedOptions {
    var positionals: [String] = []
    fileprivate(set) var values: [String: [String]] = [:]

    func has(_ name: String) -> Bool { values[name] != nil }
    /// The value given (the last, when given several times).
    func value(_ name: String) -> String? { values[name]?.last }
    func all(_ name: String) -> [String] { values[name] ?? [] }
    func date(_ name: String) -> CivilDate? { value(name).flatMap(CivilDate.init) }
    func integer(_ name: String) -> Int? { value(name).flatMap { Int($0) } }
    /// `--encoding`: whether windows-1252 was asked.
    var windows1252: Bool { value("--encoding").map { ["windows-1252", "cp1252"].contains($0.lowercased()) } ?? false }
}

extension String {
    /// The text followed by spaces up to `width` characters.
    fileprivate func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
