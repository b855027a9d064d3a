import PathwayMachinery
import PathwayLaw
/// The audit report of a log (`Docs/report.md`).
public struct Report: Sendable {
    /// The date at which pending deadlines are judged; `nil` only for a log with no event.
    public var asOf: CivilDate?
    public var input: Input
    public var rejected: [LineError]
    /// The rules the log cannot judge, for lack of the events they need (``NotJudged``).
    public var notJudged: [NotJudged] = []
    /// By person (UTF-8 byte order).
    public var people: [PersonReport]
    /// By person, then date, then rule.
    public var findings: [Finding]
    public var indicators: Indicators
    /// The parameters applied (with the overrides of `--config`).
    public var parameters: Parameters
    /// When the audit date was not given: the event that set it (the latest date of the log),
    /// for the text and HTML reports to name (`Docs/report.md`). Not in the JSON report.
    public var asOfSetBy: String? = nil
    /// What the reader should know before anything else, in French (lines of another encoding
    /// rejected, with the command to rerun): first in the text and HTML reports, in the JSON
    /// report's `warnings` (present only when there are some), and on standard error.
    public var warnings: [String] = []
    /// `--by-file`: the indicators of each input file, on the people whose first event is in it
    /// (``Report/indicatorsByFile(events:files:jobs:)``); empty otherwise. In the JSON report's
    /// `indicators.by_file`.
    public var byFile: [(file: String, indicators: Indicators)] = []
    /// For a report merged from `mergedParts` parts' reports (`pathway merge`): `people` lists only
    /// the people with a finding, with their state and findings, and `peopleCount` counts them all;
    /// the text and HTML reports say what they leave out (`nil`: a replayed report).
    package var mergedParts: Int? = nil
    package var peopleCount: Int? = nil
    /// For a merged report: the detail of each person of `people` (the text report's, and the
    /// facts and sanctions of the HTML page), read from their entry of their part's JSON report.
    package var mergedDetails: [PersonDetail] = []
    /// The timelines of the `drawnTimelines` people with the most serious findings, in the HTML
    /// page's order (the JSON report's `merge.timelines`): set by the replay and by a merge.
    package var timelines: [Timeline] = []
    /// What `pathway merge` needs that the report's other fields do not say: the JSON report's
    /// `merge` member (`Report+Merge.swift`, `Docs/report.md`).
    public var provenance = Provenance()

    /// The inputs' names and counts and the sources their events name.
    public struct Provenance: Sendable, Equatable {
        /// Every input file with its counts, a single one included (`input.files` lists them only
        /// when there are several); empty when the caller did not name its input.
        public var files: [FileCounts] = []
        /// Whether every event names a `source` (``SourceTally/everyEventHasSource``).
        public var everyEventNamesSource = false
        /// The sources the events name, in byte order, with the event types each records as
        /// declared (`nil`: not declared): what ``NotJudged`` is computed from.
        public var sources: [Source] = []
        /// Without `--as-of`: the event that set the audit date (the smallest id of the latest
        /// day) and how many events share that day, for `asOfSetBy` (nil: the date was given).
        public var latest: Latest?

        public struct Latest: Sendable, Equatable {
            public var event: String
            public var count: Int
            public init(event: String, count: Int) {
                self.event = event
                self.count = count
            }
        }

        public struct Source: Sendable, Equatable {
            public var name: String
            public var records: [EventType]?
        }

        public init() {}

        /// The provenance of a log whose events name `tally`'s sources, declared by `declared`.
        public init(sources tally: SourceTally, declared: SourceDeclarations) {
            everyEventNamesSource = tally.everyEventHasSource
            sources = tally.sorted.map { Source(name: $0.name, records: declared.records(of: $0.name)?.map(\.rawValue).sorted().compactMap(EventType.init(rawValue:))) }
        }
    }

    /// How every line of the input was counted.
    public struct Input: Sendable, Equatable {
        public var lines: Int
        public var events: Int
        public var duplicates: Int
        public var rejected: Int
        public var blank: Int
        /// Events dated on or before `as_of`.
        public var replayed: Int
        /// Events dated after `as_of`: counted in `events`, not replayed.
        public var afterAsOf: Int
        public var people: Int
        /// With several input files: each file's counts, in the order given (else empty).
        public var files: [FileCounts] = []
    }

    /// How the lines of one input file were counted.
    public struct FileCounts: Sendable, Equatable {
        public var file: String
        public var lines: Int
        public var events: Int
        public var duplicates: Int
        public var rejected: Int
        public var blank: Int

        public init(file: String, lines: Int, events: Int, duplicates: Int, rejected: Int, blank: Int) {
            self.file = file
            self.lines = lines
            self.events = events
            self.duplicates = duplicates
            self.rejected = rejected
            self.blank = blank
        }
    }

    /// Whether a finding of severity `violation` exists.
    public var hasViolation: Bool { findings.contains { $0.severity == .violation } }

    /// Findings by severity.
    public func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }
}
