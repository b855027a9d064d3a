import PathwayMachinery
/// The systems a log's events were imported from (`source`, `Docs/events.md`), as the reader
/// counted them: how many events name each source, and how many name none.
///
/// Only the count matters to the report: a rule goes unjudged only when **every** event names a
/// source and none of those sources records what the rule needs (``NotJudged``). Kept apart from
/// the events (an event has no room for it, and no rule reads it).
public struct SourceTally: Sendable, Hashable {
    /// Events (lines read as events, duplicates included) that name no source.
    public var withoutSource = 0
    /// The sources named, in the order first met, with their counts.
    public private(set) var names: [String] = []
    public private(set) var counts: [Int] = []
    /// `names` in UTF-8, compared with a line's bytes (`Machinery/Reading/SourceTally+Bytes.swift`).
    package var utf8: [[UInt8]] = []

    public init() {}

    /// Whether every event names a source (and there is at least one event).
    public var everyEventHasSource: Bool { withoutSource == 0 && !names.isEmpty }

    /// The sources named, sorted by their bytes (for the report, whatever the order of the lines).
    public var sorted: [(name: String, count: Int)] {
        zip(names, counts).map { ($0, $1) }.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
    }

    /// Counts `count` events naming `name`.
    public mutating func add(_ name: String, count: Int = 1) {
        let bytes = Array(name.utf8)
        if let k = utf8.firstIndex(of: bytes) {
            counts[k] += count
        } else {
            append(bytes, name: name, count: count)
        }
    }

    package mutating func increment(_ k: Int) { counts[k] += 1 }

    package mutating func append(_ bytes: [UInt8], name: String, count: Int) {
        utf8.append(bytes)
        names.append(name)
        counts.append(count)
    }

    /// Adds another part of the log's counts.
    public mutating func merge(_ other: SourceTally) {
        withoutSource += other.withoutSource
        for (name, count) in zip(other.names, other.counts) { add(name, count: count) }
    }
}

/// What each source records, declared, never guessed from the log (`Docs/import.md`, "Ce que
/// chaque source enregistre"): built in for the sources `pathway import` writes (`caf`, `msa`,
/// `pilotage`, `rdv-insertion`), and added for a custom mapping from its `records`.
public struct SourceDeclarations: Sendable, Hashable {
    private var records: [String: Set<EventType>]

    /// The built-in sources.
    public static let builtIn = SourceDeclarations(records: [
        // The CAF/MSA beneficiary flows: the right, the household, the duties, the payment.
        "caf": cafRecords,
        "msa": cafRecords,
        // The steering base: one line per person.
        "pilotage": [.rightOpened, .orientationDecided, .appointment, .contractSigned],
        // rdv-insertion's exports of users and of participations.
        "rdv-insertion": [.orientationDecided, .appointment],
        // The name the built-in rdv-insertion mappings gave before 0.1.0 (a mapping printed then).
        "rdvi": [.orientationDecided, .appointment],
    ])

    private static let cafRecords: Set<EventType> = [.rightOpened, .rightClosed, .dutiesChanged, .householdChanged,
                                                    .paymentSuspended, .paymentResumed]

    private init(records: [String: Set<EventType>]) { self.records = records }

    /// These declarations and `source`, which records `types` (a custom mapping's `records`;
    /// a built-in source declared again is replaced).
    public func declaring(_ source: String, records types: Set<EventType>) -> SourceDeclarations {
        var copy = self
        copy.records[source] = types
        return copy
    }

    /// What `source` records, or `nil` when it is not declared.
    public func records(of source: String) -> Set<EventType>? { records[source] }

    /// The sources declared, sorted.
    public var names: [String] { records.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } }
}
