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
        .target(name: "Pathway"),
        .executableTarget(name: "PathwayCLI", dependencies: ["Pathway"]),
        // The benchmark's JSONDecoder baseline (scripts/bench); not a product.
        .executableTarget(name: "PathwayBaseline"),
        // The library's tests: one file per rule id under Rules/, mirroring Sources/Pathway/Rules.
        .testTarget(name: "PathwayTests", dependencies: ["Pathway"]),
        // The `pathway` binary end to end, as an auditor runs it (and the tools it is checked with).
        .testTarget(name: "PathwayCLITests", dependencies: ["Pathway", "PathwayCLI"], exclude: ["Snapshots"]),
    ],
    swiftLanguageModes: [.v6]
)
