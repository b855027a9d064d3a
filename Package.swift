// swift-tools-version: 6.0
// Pathway: the French RSA beneficiary pathway (loi pour le plein emploi) as a library
// and the `pathway` command-line tool. No package dependencies, by design.
import PackageDescription

let package = Package(
    name: "Pathway",
    products: [
        .library(name: "Pathway", targets: ["Pathway"]),
        .executable(name: "pathway", targets: ["PathwayCLI"]),
    ],
    targets: [
        // The layers (Docs/architecture.md), each reading only those below it; `Pathway`
        // re-exports them, with the generator of synthetic logs and the embedders' event store.
        .target(name: "PathwayMachinery"),
        .target(name: "PathwayLaw", dependencies: ["PathwayMachinery"]),
        .target(name: "PathwayReport", dependencies: ["PathwayMachinery", "PathwayLaw"]),
        .target(name: "PathwayImport", dependencies: ["PathwayMachinery", "PathwayLaw"]),
        .target(name: "Pathway", dependencies: ["PathwayMachinery", "PathwayLaw", "PathwayReport", "PathwayImport"]),
        // The layers named as well as the umbrella: a change of a layout below the umbrella then
        // rebuilds what copies its values (the umbrella's re-exports alone left stale objects).
        .executableTarget(name: "PathwayCLI", dependencies: ["Pathway", "PathwayMachinery", "PathwayLaw", "PathwayReport", "PathwayImport"]),
        // The benchmark's JSONDecoder baseline (scripts/bench); not a product.
        .executableTarget(name: "PathwayBaseline"),
        // The library's tests: one file per rule id under Rules/, mirroring Sources/PathwayLaw/Rules.
        .testTarget(name: "PathwayTests", dependencies: ["Pathway", "PathwayMachinery", "PathwayLaw", "PathwayReport", "PathwayImport"]),
        // The `pathway` binary end to end, as an auditor runs it (and the tools it is checked with).
        .testTarget(name: "PathwayCLITests", dependencies: ["Pathway", "PathwayMachinery", "PathwayLaw", "PathwayReport", "PathwayImport", "PathwayCLI"],
                    exclude: ["Snapshots"]),
    ],
    swiftLanguageModes: [.v6]
)
