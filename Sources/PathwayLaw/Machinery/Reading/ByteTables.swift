import PathwayMachinery
// The byte tables of the reader: the names of fields and of enum values matched from their
// UTF-8 bytes, with no `String` built.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How the lexer finds a field: its slot, and the table of the fields' names as bytes.
extension Field {
    /// Index in the parser's slot table (and bit of ``LineMembers/present``: at most 64 fields).
    @inline(__always) package var slot: Int { rawValue }

    package static let table = ByteTable(allCases.map { (Array("\($0)".utf8), $0) })

    /// The field a key names, or `nil` for an unknown key.
    package static func named(_ key: UnsafeBufferPointer<UInt8>) -> Field? { table.match(key) }
}

/// Enums of the log whose raw values are matched from bytes.
package protocol ByteCoded: RawRepresentable, CaseIterable where RawValue == String {
    static var byteTable: ByteTable<Self> { get }
}

extension ByteCoded {
    package static func makeTable() -> ByteTable<Self> { ByteTable(allCases.map { (Array($0.rawValue.utf8), $0) }) }
}

extension EventType: ByteCoded { package static let byteTable = makeTable() }
extension ClosureReason: ByteCoded { package static let byteTable = makeTable() }
extension Dominante: ByteCoded { package static let byteTable = makeTable() }
extension Organisme: ByteCoded { package static let byteTable = makeTable() }
extension Decider: ByteCoded { package static let byteTable = makeTable() }
extension ReductionReason: ByteCoded { package static let byteTable = makeTable() }
extension ActivityCategory: ByteCoded { package static let byteTable = makeTable() }
extension AppointmentPurpose: ByteCoded { package static let byteTable = makeTable() }
extension AppointmentStatus: ByteCoded { package static let byteTable = makeTable() }
extension FailingKind: ByteCoded { package static let byteTable = makeTable() }
extension SanctionMeasure: ByteCoded { package static let byteTable = makeTable() }
extension AppealOutcome: ByteCoded { package static let byteTable = makeTable() }
extension DatedFrom: ByteCoded { package static let byteTable = makeTable() }
