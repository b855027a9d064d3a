// `import Pathway` is all an embedder writes: the library is four layers, each a target of its
// own so that the compiler keeps them apart (`Docs/architecture.md`), re-exported here.
//
// - PathwayMachinery: bytes, with no knowledge of the law (hash tables, byte tables, the XML
//   reader, SHA-256, huge pages, the parallel helpers);
// - PathwayLaw: the calendar, values, the event log and its reader, the dated parameters, the
//   rules and the engine that replays a person;
// - PathwayReport: a whole log's report (JSON, text, CSV, HTML), its indicators, `explain`, the
//   agenda, the rule reference and its scenarios;
// - PathwayImport: the CAF/MSA flows and the CSV exports made into events.
@_exported import PathwayMachinery
@_exported import PathwayLaw
@_exported import PathwayReport
@_exported import PathwayImport
