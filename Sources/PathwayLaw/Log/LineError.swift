import PathwayMachinery
/// Why a line of the log was rejected: its 1-based number, the field at fault when there is
/// one, the byte where the fault was found when known, and the reason.
///
/// Errors come in two layers, as swift-argument-parser's do: this public value, which a caller
/// reads, and the internal `LineProblem` it carries, which says what went wrong with the
/// facts it found (the value read, the values allowed, a suggestion). Problems are turned into
/// words in one place, `LineProblem.text(in:)`: in English for the JSON report's `reason` (a
/// machine-stable contract) and in French for the auditors' text report.
///
/// `description` is the form the report prints:
/// `line 17: "percent": expected an integer from 1 to 100, got 150`.
public struct LineError: Error, Sendable, Hashable, CustomStringConvertible {
    /// 1-based line number in the file.
    public var line: Int
    /// The field at fault (`percent`), or `nil` for a line that is not a JSON object at all.
    public var field: String?
    /// The 1-based byte of the line where the fault was found, when known.
    public var byte: Int?
    /// The file the line is in, when several were read together.
    public var file: String?
    /// What went wrong.
    package var problem: LineProblem

    package init(line: Int, field: String?, byte: Int? = nil, _ problem: LineProblem) {
        self.line = line
        self.field = field
        self.byte = byte
        self.problem = problem
    }

    /// An error with a reason of the caller's own (an embedding program's).
    public init(line: Int, field: String?, message: String) {
        self.init(line: line, field: field, .other(message))
    }

    /// What was expected and what was found, in English (the JSON report's contract).
    public var message: String { problem.text(in: .english) }

    /// The same in French, for the text report.
    public var messageInFrench: String { problem.text(in: .french) }

    /// The reason without the line number: `"percent": expected an integer from 1 to 100, got 150`.
    public var reason: String { reason(in: .english) }

    /// The reason in `language`, with the field first when there is one.
    public func reason(in language: ReportLanguage) -> String {
        let text = problem.text(in: language)
        guard let field else { return text }
        return language == .english ? "\"\(field)\": \(text)" : "« \(field) » : \(text)"
    }

    public var description: String { (file.map { "\($0): " } ?? "") + "line \(line): \(reason)" }

    /// `fichier, ligne 12 : « date » : …`, for standard error.
    public var frenchDescription: String { (file.map { "\($0), " } ?? "") + "ligne \(line) : \(reason(in: .french))" }

    /// What went wrong as a stable word for programs (`not_date`, `unknown_type`): the JSON
    /// report's `rejected[].code`, next to its French `reason` (`Docs/report.md`).
    public var code: String { problem.code }
}

/// The language a reason is written in.
public enum ReportLanguage: Sendable {
    /// The JSON report's `reason`, kept stable for programs that read it.
    case english
    /// The text report, for auditors.
    case french
}

/// What went wrong with a line, with the facts found; rendered by ``text(in:)``.
package enum LineProblem: Sendable, Hashable {
    case blank
    case invalidUTF8(byte: Int)
    case invalidJSON(byte: Int, JSONSyntaxProblem)
    case repeatedKey
    case missing
    case nullWhereRequired
    case notText(maxLength: Int, got: Found)
    case textLength(maxLength: Int, count: Int)
    case notDate(got: Found)
    case impossibleDate(raw: String)
    case dateWithTime(raw: String)
    case notOneOf(allowed: [String], got: Found, suggestion: String?)
    case notBool(got: Found)
    case notNumber(Expectation, got: Found)
    case tooManyDecimals(Expectation, raw: String)
    case notArrayOfStrings(got: Found)
    case elementNotText(got: Found)
    case elementLength(count: Int)
    case notEventType(got: Found)
    case unknownEventType(raw: String, suggestion: String?)
    case emptyHouseholdChange
    case overlong(length: Int, limit: Int)
    case idReused(id: String, firstLine: Int)
    case other(String)
    /// A problem read back from a JSON report (`pathway merge`): its code and French reason.
    case restored(code: String, french: String)

    /// The stable code of the problem (``LineError/code``).
    package var code: String {
        switch self {
        case .blank: return "blank"
        case .invalidUTF8: return "invalid_utf8"
        case .invalidJSON: return "invalid_json"
        case .repeatedKey: return "repeated_key"
        case .missing: return "missing_field"
        case .nullWhereRequired: return "null_field"
        case .notText: return "not_text"
        case .textLength: return "text_length"
        case .notDate: return "not_date"
        case .impossibleDate: return "impossible_date"
        case .dateWithTime: return "date_with_time"
        case .notOneOf: return "not_allowed_value"
        case .notBool: return "not_boolean"
        case .notNumber: return "not_number"
        case .tooManyDecimals: return "too_many_decimals"
        case .notArrayOfStrings: return "not_text_array"
        case .elementNotText: return "element_not_text"
        case .elementLength: return "element_length"
        case .notEventType: return "not_event_type"
        case .unknownEventType: return "unknown_type"
        case .emptyHouseholdChange: return "empty_household_change"
        case .overlong: return "line_too_long"
        case .idReused: return "id_reused"
        case .other: return "other"
        case .restored(let code, _): return code
        }
    }

    /// A value as the line wrote it (cut at 60 characters), with its kind when it is not a
    /// number or a boolean.
    package struct Found: Sendable, Hashable {
        package var raw: String
        package var kind: ValueKind?
    }

    /// The kind of a JSON value, named in a reason.
    package enum ValueKind: Sendable, Hashable {
        case string, number, bool, null, object, array
    }

    /// What a number had to be.
    package enum Expectation: Sendable, Hashable {
        case integer(ClosedRange<Int>)
        case weeklyHours
        case dailyHours
        case euros
    }

    package func text(in language: ReportLanguage) -> String {
        language == .english ? english : french
    }

    // MARK: English (the JSON report's `reason`)

    private var english: String {
        switch self {
        case .blank: return "blank line"
        case .invalidUTF8(let byte): return "invalid UTF-8 at byte \(byte)"
        case .invalidJSON(let byte, let syntax): return "invalid JSON at byte \(byte): \(syntax.text(in: .english))"
        case .repeatedKey: return "appears twice in the line"
        case .missing: return "missing (required)"
        case .nullWhereRequired: return "required, got null"
        case .notText(let max, let got): return "expected a string of 1 to \(max) characters, got \(got.english)"
        case .textLength(let max, let count): return "expected a string of 1 to \(max) characters, got \(count) characters"
        case .notDate(let got): return "expected a date YYYY-MM-DD, got \(got.english)"
        case .impossibleDate(let raw):
            return "impossible date \(raw) (no such day, or a year outside \(CivilDate.supportedYears.lowerBound)–\(CivilDate.supportedYears.upperBound))"
        case .dateWithTime(let raw): return "expected a calendar day YYYY-MM-DD with no time or time zone, got \(raw)"
        case .notOneOf(let allowed, let got, let suggestion):
            return "expected one of \(allowed.joined(separator: ", ")), got \(got.english)" + (suggestion.map { " (did you mean \"\($0)\"?)" } ?? "")
        case .notBool(let got): return "expected true or false, got \(got.english)"
        case .notNumber(let expected, let got): return "expected \(expected.english), got \(got.english)"
        case .tooManyDecimals(let expected, let raw): return "expected \(expected.english) with at most two decimals, got \(raw)"
        case .notArrayOfStrings(let got): return "expected an array of strings, got \(got.english)"
        case .elementNotText(let got): return "expected an array of strings, got an element \(got.english)"
        case .elementLength(let count): return "expected strings of 1 to 128 characters, got one of \(count)"
        case .notEventType(let got): return "expected an event type (a string), got \(got.english)"
        case .unknownEventType(let raw, let suggestion):
            return "unknown event type \(raw)" + (suggestion.map { " (did you mean \"\($0)\"?)" } ?? "")
        case .emptyHouseholdChange:
            return "household_changed needs at least one of \"household_size\", \"single_parent_increase\", \"monthly_amount\""
        case .overlong(let length, let limit): return "line of \(length) bytes is longer than the limit of \(limit) bytes (64 KiB); not read"
        case .idReused(let id, let first): return "\"\(id)\" was already used on line \(first) with different content"
        case .other(let text): return text
        case .restored(_, let french): return french
        }
    }

    // MARK: French (the text report)

    private var french: String {
        switch self {
        case .blank: return "ligne vide"
        case .invalidUTF8(let byte): return "UTF-8 invalide à l'octet \(byte)"
        case .invalidJSON(let byte, let syntax): return "JSON invalide à l'octet \(byte) : \(syntax.text(in: .french))"
        case .repeatedKey: return "figure deux fois dans la ligne"
        case .missing: return "absent (obligatoire)"
        case .nullWhereRequired: return "obligatoire, reçu null"
        case .notText(let max, let got): return "texte de 1 à \(max) caractères attendu, reçu \(got.french)"
        case .textLength(let max, let count): return "texte de 1 à \(max) caractères attendu, reçu \(count) caractères"
        case .notDate(let got): return "date AAAA-MM-JJ attendue, reçu \(got.french)"
        case .impossibleDate(let raw):
            return "date impossible \(raw) (ce jour n'existe pas, ou année hors de \(CivilDate.supportedYears.lowerBound) à \(CivilDate.supportedYears.upperBound))"
        case .dateWithTime(let raw): return "jour AAAA-MM-JJ attendu, sans heure ni fuseau horaire, reçu \(raw)"
        case .notOneOf(let allowed, let got, let suggestion):
            return "une valeur parmi \(allowed.joined(separator: ", ")) attendue, reçu \(got.french)"
                + (suggestion.map { " (vouliez-vous dire « \($0) » ?)" } ?? "")
        case .notBool(let got): return "true ou false attendu, reçu \(got.french)"
        case .notNumber(let expected, let got): return "\(expected.french) attendu, reçu \(got.french)"
        case .tooManyDecimals(let expected, let raw): return "\(expected.french) attendu, avec au plus deux décimales, reçu \(raw)"
        case .notArrayOfStrings(let got): return "tableau de textes attendu, reçu \(got.french)"
        case .elementNotText(let got): return "tableau de textes attendu, reçu un élément \(got.french)"
        case .elementLength(let count): return "textes de 1 à 128 caractères attendus, reçu un texte de \(count)"
        case .notEventType(let got): return "type d'événement attendu (un texte), reçu \(got.french)"
        case .unknownEventType(let raw, let suggestion):
            return "type d'événement inconnu \(raw)" + (suggestion.map { " (vouliez-vous dire « \($0) » ?)" } ?? "")
        case .emptyHouseholdChange:
            return "household_changed demande au moins un des champs « household_size », « single_parent_increase », « monthly_amount »"
        case .overlong(let length, let limit): return "ligne de \(length) octets, plus longue que la limite de \(limit) octets (64 Kio) : non lue"
        case .idReused(let id, let first): return "« \(id) » est déjà utilisé ligne \(first) avec un autre contenu"
        case .other(let text): return text
        case .restored(_, let french): return french
        }
    }
}

extension LineProblem.Found {
    package var english: String {
        guard let kind else { return raw }
        let noun: String
        switch kind {
        case .string: noun = "a string"
        case .number: noun = "a number"
        case .bool: noun = "a boolean"
        case .null: noun = "null"
        case .object: noun = "an object"
        case .array: noun = "an array"
        }
        return "\(raw) (\(noun))"
    }

    package var french: String {
        guard let kind else { return raw }
        let noun: String
        switch kind {
        case .string: noun = "un texte"
        case .number: noun = "un nombre"
        case .bool: noun = "un booléen"
        case .null: noun = "null"
        case .object: noun = "un objet"
        case .array: noun = "un tableau"
        }
        return "\(raw) (\(noun))"
    }
}

extension LineProblem.Expectation {
    package var english: String {
        switch self {
        case .integer(let range): return "an integer from \(range.lowerBound) to \(range.upperBound)"
        case .weeklyHours: return "a number of hours from 0 to 168"
        case .dailyHours: return "a number of hours greater than 0 and at most 24"
        case .euros: return "an amount in euros from 0 to 1000000"
        }
    }

    package var french: String {
        switch self {
        case .integer(let range): return "un entier de \(range.lowerBound) à \(range.upperBound)"
        case .weeklyHours: return "un nombre d'heures de 0 à 168"
        case .dailyHours: return "un nombre d'heures supérieur à 0 et au plus 24"
        case .euros: return "un montant en euros de 0 à 1 000 000"
        }
    }
}

/// The suggestion of a reason ("did you mean"): the allowed value closest to what was written,
/// if one is close enough.
public enum Suggestion {
    public static func closest(to value: String, in candidates: [String]) -> String? {
        let source = Array(value.lowercased().utf8.prefix(64))
        var best: (String, Int)?
        for candidate in candidates {
            var distance = editDistance(source, Array(candidate.utf8))
            if source.count >= 4 && candidate.utf8.starts(with: source) { distance = min(distance, 1) }
            if distance <= max(1, candidate.utf8.count / 5), best.map({ distance < $0.1 }) ?? true {
                best = (candidate, distance)
            }
        }
        return best?.0
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and
    /// transpositions of two neighbours (`fromat` is one edit from `format`).
    package static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var rows = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { rows[i][0] = i }
        for j in 0...b.count { rows[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1)
                }
            }
        }
        return rows[a.count][b.count]
    }
}
