/// One finding of `doctor`: what was checked, how it went, what was seen, and how to fix it.
struct DoctorCheck: Encodable, Sendable {
    enum Status: String, Encodable, Sendable {
        case ok, warn, fail
    }

    let check: String
    let status: Status
    let detail: String
    var fix: String?

    static func ok(_ check: String, _ detail: String) -> DoctorCheck {
        DoctorCheck(check: check, status: .ok, detail: detail)
    }

    static func warn(_ check: String, _ detail: String, fix: String) -> DoctorCheck {
        DoctorCheck(check: check, status: .warn, detail: detail, fix: fix)
    }

    static func fail(_ check: String, _ detail: String, fix: String) -> DoctorCheck {
        DoctorCheck(check: check, status: .fail, detail: detail, fix: fix)
    }
}
