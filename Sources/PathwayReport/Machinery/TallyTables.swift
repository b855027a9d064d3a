import PathwayLaw
// The tables the indicators count in, person by person (`Indicators.Tally`): arrays and a table
// probed by a hash taken once, where dictionaries hashed their key at every count. At 10^6
// events the tally took 100 million instructions, most of them in its dictionaries.

/// Counts by case of an enumeration without payloads, in an array by the case's place in
/// `allCases`. A dictionary hashed the case at each count (about 400 instructions with its
/// lookup); the array takes a few. As in a dictionary filled count by count, a case never
/// counted is not a key of ``dictionary`` (a count of zero is).
package struct CaseCounts<Key: CaseIterable & Hashable & Sendable>: Sendable, Equatable {
    private var counts: [Int]
    /// Bit `place` is set when the case was counted.
    private var counted: UInt64 = 0

    package init() {
        // A case is read as its one byte, which is its place in `allCases` (declaration order):
        // the tests hold each enumeration counted here to it (`place(_:)`).
        precondition(MemoryLayout<Key>.size == 1 && Key.allCases.count <= 64, "CaseCounts: an enumeration of 2 to 64 cases without payloads")
        counts = [Int](repeating: 0, count: Key.allCases.count)
    }

    /// The counts of a dictionary (its keys counted).
    package init(_ dictionary: [Key: Int]) {
        self.init()
        for (key, count) in dictionary { add(key, count) }
    }

    /// Where `key` is counted: its place in `allCases`.
    @inline(__always) package static func place(_ key: Key) -> Int { Int(unsafeBitCast(key, to: UInt8.self)) }

    @inline(__always) package mutating func add(_ key: Key, _ count: Int = 1) {
        let place = CaseCounts.place(key)
        counts[place] += count
        counted |= 1 << UInt64(place)
    }

    /// The count of `key`, `nil` when it was never counted (as a dictionary's subscript).
    package subscript(key: Key) -> Int? {
        let place = CaseCounts.place(key)
        return counted & (1 << UInt64(place)) != 0 ? counts[place] : nil
    }

    package mutating func merge(_ other: CaseCounts) {
        for place in counts.indices { counts[place] += other.counts[place] }
        counted |= other.counted
    }

    /// The counts as a dictionary of the cases counted.
    package var dictionary: [Key: Int] {
        var result: [Key: Int] = [:]
        for key in Key.allCases where self[key] != nil { result[key] = self[key] }
        return result
    }
}

/// Values by rule: a table of open addressing probed by the rule id's hash, taken when the id
/// was made (``RuleID/key``), where a dictionary hashed it again at each finding and each
/// deadline counted. The laws' rules are a few dozen: the table keeps under half full. A slot
/// holds the place + 1 of its rule in ``rules`` and of its value in `values` (0: empty).
package struct RuleTally<Value: Sendable>: Sendable {
    private var slots = [Int32](repeating: 0, count: 64)
    /// The rules with a value, in the order they came, and their values, in the same order.
    package private(set) var rules: [RuleID] = []
    private var values: [Value] = []

    package init() {}

    /// Where `rule` is in the table: its slot (or the empty slot where it goes) and its place
    /// in ``rules``, if it has one.
    @inline(__always) private func locate(_ rule: RuleID) -> (slot: Int, place: Int?) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: rule.key) & mask
        while slots[slot] != 0 {
            let place = Int(slots[slot]) - 1
            if rules[place] == rule { return (slot, place) }
            slot = (slot + 1) & mask
        }
        return (slot, nil)
    }

    package subscript(rule: RuleID) -> Value? {
        get { locate(rule).place.map { values[$0] } }
        set {
            guard let newValue else { preconditionFailure("RuleTally: a rule's value is never removed") }
            update(rule, default: newValue) { $0 = newValue }
        }
    }

    /// Changes the value of `rule` in place, `initial` when it has none yet.
    @inline(__always) package mutating func update(_ rule: RuleID, default initial: @autoclosure () -> Value, _ body: (inout Value) -> Void) {
        let located = locate(rule)
        let place: Int
        if let found = located.place {
            place = found
        } else {
            place = rules.count
            rules.append(rule)
            values.append(initial())
            if 2 * rules.count > slots.count { grow() } else { slots[located.slot] = Int32(place + 1) }
        }
        body(&values[place])
    }

    /// Twice the slots, every rule placed again.
    private mutating func grow() {
        slots = [Int32](repeating: 0, count: 2 * slots.count)
        let mask = slots.count - 1
        for (place, rule) in rules.enumerated() {
            var slot = Int(truncatingIfNeeded: rule.key) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(place + 1)
        }
    }

    /// Adds the values of `other`, combined with `combine` where both have one.
    package mutating func merge(_ other: RuleTally, _ combine: (Value, Value) -> Value) {
        for (rule, theirs) in zip(other.rules, other.values) {
            if let place = locate(rule).place {
                values[place] = combine(values[place], theirs)
            } else {
                update(rule, default: theirs) { _ in }
            }
        }
    }

    /// The values as a dictionary.
    package var dictionary: [RuleID: Value] {
        Dictionary(uniqueKeysWithValues: zip(rules, values))
    }
}
