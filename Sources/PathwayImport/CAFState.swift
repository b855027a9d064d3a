import PathwayMachinery
import PathwayLaw

/// The CAF import's state file: each household's last snapshot, as JSON (no name, no NIR).
public enum CAFState {
    /// Why a state file cannot be read.
    public struct Problem: Error, Sendable, Equatable {
        public var message: String
    }

    public static func encode(_ kept: [String: CAFImport.Kept]) -> [UInt8] {
        let households = kept.sorted { $0.key < $1.key }.map { key, k -> (key: String, value: JSONValue) in
            (key, .object([
                ("open", .bool(k.open)), ("state", .string(k.state)), ("size", .number(String(k.size))),
                ("amount", k.amount.map { .number(Cents($0).description) } ?? .null),
                ("duties", .object(k.duties.sorted { $0.key < $1.key }.map { ($0.key, $0.value.map { .bool($0) } ?? .null) })),
                ("flow", k.flow.map { .string($0) } ?? .null),
            ]))
        }
        return Array((JSONValue.object([("format", .number("1")), ("households", .object(households))]).serialized(pretty: false) + "\n").utf8)
    }

    public static func decode(_ bytes: [UInt8]) throws(Problem) -> [String: CAFImport.Kept] {
        let value: JSONValue
        do { value = try JSONValue.parse(String(decoding: bytes, as: UTF8.self)) } catch {
            throw Problem(message: "the state file is not JSON (\(error)); remove it to import the history again")
        }
        guard case .object(let top) = value, case .object(let households)? = top.first(where: { $0.key == "households" })?.value else {
            throw Problem(message: "not a state file of pathway import caf")
        }
        var kept: [String: CAFImport.Kept] = [:]
        for (key, entry) in households {
            guard case .object(let m) = entry else { continue }
            func get(_ k: String) -> JSONValue? { m.first { $0.key == k }?.value }
            var k = CAFImport.Kept(open: false, state: "", size: 1, amount: nil, duties: [:])
            if case .bool(let b)? = get("open") { k.open = b }
            if case .string(let s)? = get("state") { k.state = s }
            if case .number(let n)? = get("size"), let size = Int(n) { k.size = size }
            if case .number(let n)? = get("amount") { k.amount = Cents.parse(n)?.value }
            if case .string(let f)? = get("flow") { k.flow = f }
            if case .object(let d)? = get("duties") {
                for (role, flag) in d {
                    if case .bool(let b) = flag { k.duties[role] = .some(b) } else if case .null = flag { k.duties[role] = .some(nil) }
                }
            }
            kept[key] = k
        }
        return kept
    }
}
