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

extension JSONWriter {
    /// A finding's message as a JSON string: a shortfall's written piece by piece straight into
    /// the report (the commonest finding: no buffer made for its message, no copy of it).
    package mutating func string(_ text: FindingText) {
        switch text {
        case .text(let text): string(text)
        case .shortfall(let facts): string(writtenBy: { facts.write(into: &$0) })
        }
    }
}
