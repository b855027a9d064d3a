import PathwayMachinery
import PathwayLaw
extension GroupedReplay {
    /// Feeds the next bytes of the log; throws ``GroupedReader/NotGrouped`` when a person's
    /// lines are not all together.
    public mutating func consume(_ chunk: UnsafeBufferPointer<UInt8>) throws {
        var finished: [(id: String, events: [Event])] = []
        defer { for person in finished { take(person.id, person.events) } }
        try reader.consume(chunk) { id, events in finished.append((id, events)) }
    }
}
