import PathwayMachinery
import PathwayLaw

/// The CAF import's state file: each household's last snapshot (no name, no NIR), one line per
/// household after a first line `{"format":2}`, so that a département's hundreds of thousands of
/// households are written and read a line at a time. A state of format 1 (one JSON object) is
/// still read.
public enum CAFState {
    /// Why a state file cannot be read.
    public struct Problem: Error, Sendable, Equatable {
        public var message: String
    }

    public static func encode(_ kept: [String: CAFImport.Kept]) -> [UInt8] {
        var out = Array("{\"format\":2}\n".utf8)
        for key in kept.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            guard let k = kept[key] else { continue }
            let duties = k.duties.sorted { $0.key < $1.key }.map { ($0.key, $0.value.map { JSONValue.bool($0) } ?? .null) }
            let line = JSONValue.object([
                ("household", .string(key)), ("open", .bool(k.open)), ("state", .string(k.state)), ("size", .number(String(k.size))),
                ("amount", k.amount.map { .number(Cents($0).description) } ?? .null),
                ("duties", .object(duties)),
                ("flow", k.flow.map { .string($0) } ?? .null),
            ]).serialized(pretty: false)
            out += Array(line.utf8)
            out.append(0x0A)
        }
        return out
    }

    public static func decode(_ bytes: [UInt8]) throws(Problem) -> [String: CAFImport.Kept] {
        var kept: [String: CAFImport.Kept] = [:]
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: true)
        guard let first = lines.first else { throw Problem(message: "fichier d'état vide ; supprimez-le pour réimporter l'historique") }
        let head: JSONValue
        do { head = try JSONValue.parse(String(decoding: first, as: UTF8.self)) } catch {
            throw Problem(message: "le fichier d'état n'est pas du JSON (\(error)) ; supprimez-le pour réimporter l'historique")
        }
        guard case .object(let top) = head else { throw Problem(message: "pas un fichier d'état de pathway import caf") }
        if case .number("2")? = top.first(where: { $0.key == "format" })?.value, top.count == 1 {
            for (n, line) in lines.dropFirst().enumerated() {
                guard case .object(let m)? = try? JSONValue.parse(String(decoding: line, as: UTF8.self)),
                      case .string(let key)? = m.first(where: { $0.key == "household" })?.value else {
                    throw Problem(message: "ligne \(n + 2) : pas un foyer du fichier d'état ; supprimez-le pour réimporter l'historique")
                }
                kept[key] = household(m)
            }
            return kept
        }
        // Format 1: one object, households by key.
        guard case .object(let households)? = top.first(where: { $0.key == "households" })?.value else {
            throw Problem(message: "pas un fichier d'état de pathway import caf")
        }
        for (key, entry) in households {
            guard case .object(let m) = entry else { continue }
            kept[key] = household(m)
        }
        return kept
    }

    private static func household(_ m: [(key: String, value: JSONValue)]) -> CAFImport.Kept {
        func get(_ k: String) -> JSONValue? { m.first { $0.key == k }?.value }
        var k = CAFImport.Kept(open: false, state: "", size: 1, amount: nil, duties: [:])
        if case .bool(let b)? = get("open") { k.open = b }
        if case .string(let s)? = get("state") { k.state = s }
        if case .number(let n)? = get("size"), let size = Int(n) { k.size = size }
        if case .number(let n)? = get("amount") { k.amount = Cents.parse(n)?.value }
        if case .string(let f)? = get("flow") { k.flow = f }
        if case .object(let d)? = get("duties") {
            var duties: [String: Bool?] = [:]
            for (role, flag) in d {
                if case .bool(let b) = flag { duties[role] = .some(b) } else if case .null = flag { duties[role] = .some(nil) }
            }
            k.duties = duties
        }
        return k
    }
}
