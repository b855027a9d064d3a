import Foundation
import Testing
@testable import Pathway

/// Builds a small log line by line, as a policy reader would write it.
struct TestLog {
    var lines: [String] = []
    var person = "P1"

    init(person: String = "P1") { self.person = person }

    /// Adds an event; `fields` is the rest of the JSON object (`"weekly_hours":15`).
    @discardableResult
    mutating func add(_ type: String, _ date: String, _ fields: String = "", id: String? = nil) -> String {
        let eventID = id ?? (person == "P1" ? "e\(lines.count + 1)" : "\(person)-e\(lines.count + 1)")
        let extra = fields.isEmpty ? "" : "," + fields
        lines.append(#"{"id":"\#(eventID)","person":"\#(person)","type":"\#(type)","date":"\#(date)"\#(extra)}"#)
        return eventID
    }

    var text: String { lines.joined(separator: "\n") + "\n" }

    /// The same log with `"source"` added to each line: `sources(k)` for line k (nil: none).
    func sourced(_ sources: (Int) -> String?) -> TestLog {
        var copy = self
        copy.lines = lines.enumerated().map { k, line in
            guard let source = sources(k) else { return line }
            return String(line.dropLast()) + #","source":"\#(source)"}"#
        }
        return copy
    }

    func report(asOf: String? = nil, parameters: Parameters = .law) -> Report {
        let log = LogReader.read(text)
        #expect(log.rejected.isEmpty, "a test log has a rejected line: \(log.rejected.map(\.description))")
        return Replay.log(log, asOf: asOf.flatMap(CivilDate.init), parameters: parameters)
    }

    func findings(_ rule: RuleID, asOf: String? = nil, parameters: Parameters = .law) -> [Finding] {
        report(asOf: asOf, parameters: parameters).findings.filter { $0.rule == rule }
    }

    /// A new entrant: right opened (receipt) and registered the same day.
    static func entrant(opened: String, person: String = "P1", fields: String = "") -> TestLog {
        var s = TestLog(person: person)
        s.add("right_opened", opened, fields)
        s.add("registered", opened)
        return s
    }
}

func date(_ text: String) -> CivilDate {
    guard let date = CivilDate(text) else { fatalError("bad test date \(text)") }
    return date
}

extension Report {
    func person(_ id: String) -> PersonReport? { people.first { $0.person == id } }
}

/// The package's root, to read `Docs/`, `Examples/` and `Sources/`.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
