// The benchmark's baseline: what a straightforward Swift reader of the event log costs, one
// `JSONDecoder` call per line into a `Codable` struct, and nothing else (no rules, no report).
// Used by scripts/bench only; not part of the product.
import Foundation

struct AnyEvent: Decodable {
    let id: String
    let person: String
    let type: String
    let date: String
    let hours: Double?
    let weekly_hours: Double?
    let dominante: String?
    let organisme: String?
    let category: String?
    let monthly_amount: Double?
}

guard CommandLine.arguments.count == 2, let data = FileManager.default.contents(atPath: CommandLine.arguments[1]) else {
    FileHandle.standardError.write(Data("usage: pathway-baseline FILE\n".utf8))
    exit(2)
}
let decoder = JSONDecoder()
var events = 0
var rejected = 0
var hours = 0.0
data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
    var start = 0
    let bytes = raw.bindMemory(to: UInt8.self)
    while start < bytes.count {
        var end = start
        while end < bytes.count && bytes[end] != 0x0A { end += 1 }
        if end > start {
            let line = Data(bytes[start..<end])
            if let event = try? decoder.decode(AnyEvent.self, from: line) {
                events += 1
                hours += event.hours ?? 0
            } else {
                rejected += 1
            }
        }
        start = end + 1
    }
}
print("\(events) events, \(rejected) rejected, \(hours) hours")
