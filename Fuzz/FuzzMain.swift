// libFuzzer's entry point for every fuzz target of Pathway, compiled once with the library's
// sources by scripts/fuzz (not part of the package): PATHWAY_FUZZ_TARGET chooses the target,
// `replay` (the NDJSON reader and the engine, FuzzReplay.swift), `xml` (the CAF/MSA flow reader),
// `csv` (the CSV reader and the built-in mappings), `config` (the --config reader) or `merge`
// (the reports `pathway merge` reads), FuzzParsers.swift.
#if canImport(Glibc)
import Glibc
#endif

enum FuzzTarget: String {
    case replay, xml, csv, config, merge

    static let chosen: FuzzTarget = {
        guard let name = getenv("PATHWAY_FUZZ_TARGET").map({ String(cString: $0) }) else { return .replay }
        guard let target = FuzzTarget(rawValue: name) else { fatalError("PATHWAY_FUZZ_TARGET: unknown target \(name)") }
        return target
    }()
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let buffer = UnsafeBufferPointer(start: data, count: size)
    switch FuzzTarget.chosen {
    case .replay: return fuzzReplay(buffer)
    case .xml: return fuzzXML(Array(buffer))
    case .csv: return fuzzCSV(Array(buffer))
    case .config: return fuzzConfig(Array(buffer))
    case .merge: return fuzzMerge(Array(buffer))
    }
}
