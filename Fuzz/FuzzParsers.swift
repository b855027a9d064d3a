// The fuzz targets of the readers of third-party files (scripts/fuzz, FuzzMain.swift): any trap,
// overflow or disagreement is a crash.

/// `xml`: a CAF/MSA flow read whole and read in pieces of 7 bytes gives the same households, or
/// the same error; every household has its file number and a line.
func fuzzXML(_ bytes: [UInt8]) -> CInt {
    func read(_ chunk: Int) -> Result<[CAFImport.Household], CAFImport.Problem> {
        var reader = CAFImport.FlowReader()
        var households: [CAFImport.Household] = []
        do throws(CAFImport.Problem) {
            var start = 0
            repeat {
                let end = min(bytes.count, start + chunk)
                try reader.feed(Array(bytes[start..<end]), last: end == bytes.count) { households.append($0) }
                start = end
            } while start < bytes.count
            return .success(households)
        } catch {
            return .failure(error)
        }
    }
    let whole = read(max(1, bytes.count)), pieces = read(7)
    switch (whole, pieces) {
    case (.success(let a), .success(let b)):
        guard a == b else { fatalError("the flow read whole and in pieces gives different households") }
        for h in a where h.matricule.isEmpty || h.line < 1 { fatalError("a household without a file number or a line") }
        // What the import makes of them never traps either.
        var problems: [String] = []
        var kept: [String: CAFImport.Kept] = [:]
        for h in a {
            let made = CAFImport.events(for: h, kept: kept[h.matricule], received: CivilDate.ymd(2025, 3, 3),
                                        monthly: kept.isEmpty, problems: &problems)
            kept[h.matricule] = made.kept
        }
    case (.failure(let a), .failure(let b)):
        guard a.line >= 1, b.line >= 1, !a.message.isEmpty else { fatalError("an error without its line: \(a) / \(b)") }
    default:
        fatalError("the flow read whole and in pieces disagree: \(whole) / \(pieces)")
    }
    return 0
}

/// `csv`: any bytes are a table (encoding and separator detected); through each built-in mapping,
/// every row is counted and every skip names the line of a row.
func fuzzCSV(_ bytes: [UInt8]) -> CInt {
    let table = CSVImport.table(bytes)
    for name in BuiltInMappings.names {
        guard let text = BuiltInMappings.text(name), let json = try? JSONValue.parse(text),
              let mapping = try? CSVImport.mapping(json) else { fatalError("the built-in mapping \(name) does not load") }
        let result = CSVImport.events(table, mapping: mapping)
        // A row may give several events, each skipped on its own: each skip names a row's line.
        let lines = Set(table.rows.map(\.0))
        guard result.rows == table.rows.count else { fatalError("\(name): \(result.rows) rows counted, \(table.rows.count) read") }
        for s in result.skipped where !lines.contains(s.line) { fatalError("\(name): a skip names line \(s.line), which is no row") }
    }
    // A mapping file is itself a third-party file.
    if let text = String(validating: bytes, as: UTF8.self), let json = try? JSONValue.parse(text) {
        _ = try? CSVImport.mapping(json)
    }
    return 0
}

/// `config`: a `--config` file either applies, with every override listed in `pathway rules`,
/// or is refused with a message.
func fuzzConfig(_ bytes: [UInt8]) -> CInt {
    guard let text = String(validating: bytes, as: UTF8.self) else { return 0 }
    guard let json = try? JSONValue.parse(text) else { return 0 }
    do {
        let parameters = try Parameters.law.applying(json)
        for key in parameters.overrides.keys where !parameters.all.contains(where: { $0.key == key }) {
            fatalError("an override of an unknown key \(key)")
        }
        _ = RuleReference.all(parameters)
    } catch {
        guard !error.description.isEmpty else { fatalError("a refused configuration without a message") }
    }
    return 0
}

/// `merge`: reports (the input cut at each NUL byte, up to four) either merge, and the merged
/// report and its findings are written, or are refused with a message naming a part.
func fuzzMerge(_ bytes: [UInt8]) -> CInt {
    let pieces = bytes.split(separator: 0, maxSplits: 3, omittingEmptySubsequences: false)
    let parts = pieces.enumerated().map { ReportMerge.Part(path: "part \($0.offset)", bytes: Array($0.element)) }
    do {
        let merge = try ReportMerge(parts, byFile: bytes.count % 2 == 0)
        var written = 0
        merge.writeJSON { written += $0.count }
        guard written > 0 else { fatalError("a merged report of no bytes") }
        _ = try merge.findings()
    } catch {
        guard !error.message.isEmpty, error.path.hasPrefix("part ") || error.path == "pathway merge" else {
            fatalError("a refusal without a message or a part: \(error)")
        }
    }
    return 0
}
