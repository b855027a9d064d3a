import PathwayMachinery
extension FindingText {
    /// The message's UTF-8 bytes, valid during `body` only.
    package func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        switch self {
        case .text(var text): return text.withUTF8(body)
        case .shortfall(let facts): return facts.withUTF8(body)
        }
    }
}
