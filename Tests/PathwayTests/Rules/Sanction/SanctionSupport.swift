import Testing
@testable import Pathway

/// A person engaged since early 2025, ready to fail and be sanctioned.
func engaged(household: String = #""monthly_amount":646.52"#) -> TestLog {
    var s = TestLog(person: "P1")
    s.add("right_opened", "2025-01-06", household)
    s.add("registered", "2025-01-06")
    s.add("orientation_decided", "2025-01-20", #""dominante":"emploi","organisme":"france_travail""#)
    s.add("diagnostic_completed", "2025-01-27")
    s.add("contract_signed", "2025-02-03", #""weekly_hours":15"#)
    return s
}

func decision(_ measure: String = "suspension", _ percent: Int = 30, _ months: Int = 1, starts: String? = nil, extra: String = "") -> String {
    #""measure":"\#(measure)","percent":\#(percent),"months":\#(months)"# + (starts.map { #","starts":"\#($0)""# } ?? "") + extra
}

/// A first failing on `failing`, its notice eleven days before `decided`, and the decision.
func sanctioned(_ s: inout TestLog, failing: String, decided: String, _ terms: String = decision(), kind: String = "obligation_breach") -> String {
    s.add("failing_recorded", failing, #""failing":"\#(kind)""#)
    s.add("sanction_notice", date(decided).adding(days: -11).description)
    return s.add("sanction_decided", decided, terms)
}

func rules(_ report: Report) -> [RuleID] { report.findings.map(\.rule) }
