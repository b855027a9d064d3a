import PathwayMachinery
/// Why a text is not JSON, found by the lexer (a line of the log) or the reader of a
/// configuration file; rendered in one place, in English or French.
package enum JSONSyntaxProblem: Sendable, Hashable {
    case emptyLine
    case notAnObject
    case expectedFieldName
    case expectedColon
    case truncatedObject
    case expectedCommaOrBrace
    case textAfterObject
    case truncatedValue
    case tooDeep(Int)
    case notAValue(String)
    case badUnicodeEscape
    case badEscape(String)
    case controlCharacter(UInt8)
    case unterminatedString
    case invalidNumber
    case leadingZero
    case invalidLiteral(String)
    case truncatedContainer(isObject: Bool)
    case expectedCommaOr(Character)
    case textAfterValue
    case nestedTooDeeply
    case truncatedText
    case truncatedTextValue

    package func text(in language: ReportLanguage) -> String {
        language == .english ? english : french
    }

    private var english: String {
        switch self {
        case .emptyLine: return "empty line"
        case .notAnObject: return "expected a JSON object starting with '{'"
        case .expectedFieldName: return "expected a field name in double quotes"
        case .expectedColon: return "expected ':' after a field name"
        case .truncatedObject: return "unexpected end of line inside the object (truncated JSON?)"
        case .expectedCommaOrBrace: return "expected ',' or '}' after a value"
        case .textAfterObject: return "unexpected text after the JSON object"
        case .truncatedValue: return "unexpected end of line, expected a value (truncated JSON?)"
        case .tooDeep(let depth): return "nested more than \(depth) levels deep"
        case .notAValue(let found): return "expected a JSON value, got '\(found)'"
        case .badUnicodeEscape: return "invalid \\u escape in a string"
        case .badEscape(let found): return "invalid escape '\\\(found)' in a string"
        case .controlCharacter(let byte): return "control character (byte 0x\(String(byte, radix: 16))) inside a string"
        case .unterminatedString: return "unterminated string (truncated JSON?)"
        case .invalidNumber: return "invalid number"
        case .leadingZero: return "invalid number (leading zero)"
        case .invalidLiteral(let word): return "invalid literal (expected \(word))"
        case .truncatedContainer(let isObject): return "unexpected end of line inside \(isObject ? "an object" : "an array") (truncated JSON?)"
        case .expectedCommaOr(let close): return "expected ',' or '\(close)'"
        case .textAfterValue: return "unexpected text after the JSON value"
        case .nestedTooDeeply: return "nested too deeply"
        case .truncatedText: return "unexpected end of text (truncated JSON?)"
        case .truncatedTextValue: return "unexpected end of text, expected a value"
        }
    }

    private var french: String {
        switch self {
        case .emptyLine: return "ligne vide"
        case .notAnObject: return "objet JSON attendu, commençant par « { »"
        case .expectedFieldName: return "nom de champ attendu, entre guillemets droits"
        case .expectedColon: return "« : » attendu après un nom de champ"
        case .truncatedObject: return "fin de ligne inattendue dans l'objet (JSON tronqué ?)"
        case .expectedCommaOrBrace: return "« , » ou « } » attendu après une valeur"
        case .textAfterObject: return "texte inattendu après l'objet JSON"
        case .truncatedValue: return "fin de ligne inattendue, valeur attendue (JSON tronqué ?)"
        case .tooDeep(let depth): return "plus de \(depth) niveaux d'imbrication"
        case .notAValue(let found): return "valeur JSON attendue, reçu « \(found) »"
        case .badUnicodeEscape: return "échappement \\u invalide dans un texte"
        case .badEscape(let found): return "échappement « \\\(found) » invalide dans un texte"
        case .controlCharacter(let byte): return "caractère de contrôle (octet 0x\(String(byte, radix: 16))) dans un texte"
        case .unterminatedString: return "texte non fermé (JSON tronqué ?)"
        case .invalidNumber: return "nombre invalide"
        case .leadingZero: return "nombre invalide (zéro en tête)"
        case .invalidLiteral(let word): return "littéral invalide (\(word) attendu)"
        case .truncatedContainer(let isObject): return "fin de ligne inattendue dans \(isObject ? "un objet" : "un tableau") (JSON tronqué ?)"
        case .expectedCommaOr(let close): return "« , » ou « \(close) » attendu"
        case .textAfterValue: return "texte inattendu après la valeur JSON"
        case .nestedTooDeeply: return "imbrication trop profonde"
        case .truncatedText: return "fin de texte inattendue (JSON tronqué ?)"
        case .truncatedTextValue: return "fin de texte inattendue, valeur attendue"
        }
    }
}
