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
    /// The field's bit in a set of fields (``LineMembers/present``, the quick path's).
    @inline(__always) package var bit: UInt64 { UInt64(1) << UInt64(slot) }

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

/// The values a log's line holds as constants (their raw values, written where they lie, with
/// no `String`): the JSON report's keys of the activity categories, the quick path's comparisons
/// (``QuickLine``). A test holds each to its raw value.
package protocol Spelled {
    var literal: StaticString { get }
}

extension ActivityCategory: Spelled {
    package var literal: StaticString {
        switch self {
        case .workPlacement: "work_placement"
        case .training: "training"
        case .jobSearch: "job_search"
        case .support: "support"
        case .accessToRights: "access_to_rights"
        case .professionalActivity: "professional_activity"
        }
    }
}

extension AppointmentPurpose: Spelled {
    package var literal: StaticString {
        switch self {
        case .orientation: "orientation"
        case .diagnostic: "diagnostic"
        case .accompaniment: "accompaniment"
        case .contract: "contract"
        case .hearing: "hearing"
        case .other: "other"
        }
    }
}

extension AppointmentStatus: Spelled {
    package var literal: StaticString {
        switch self {
        case .attended: "attended"
        case .missed: "missed"
        case .excused: "excused"
        }
    }
}
