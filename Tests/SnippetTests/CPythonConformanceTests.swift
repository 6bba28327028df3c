import Testing
@testable import Snippet

/// Every case of Fixtures/cpython_cases.json: stdout and the final `Type: message` line must equal what
/// CPython 3.11.7 printed for the same code (recorded on this machine by Fixtures/record_cpython.py).
@Test func recordedCPythonCases() throws {
    let cases = try loadRecordedCases()
    #expect(cases.count > 80)
    for c in cases {
        let r = runSnippet(c.code)
        #expect(r.out == c.stdout, "stdout differs for:\n\(c.code)")
        #expect(r.error == c.error, "error differs for:\n\(c.code)")
    }
}
