import Foundation
@testable import Snippet

/// Runs a snippet and returns (stdout, last traceback line or nil).
func runSnippet(_ code: String, timeout: Double = 10) -> (out: String, error: String?) {
    let r = SnippetRunner.capture(code, limits: Limits(timeout: timeout))
    let last = r.traceback?.split(separator: "\n").last.map(String.init)
    return (r.output, last)
}

/// The fixture recorded from CPython 3.11.7 by `Fixtures/record_cpython.py`.
struct RecordedCase: Decodable {
    let code: String
    let stdout: String
    let error: String?
}
struct RecordedFile: Decodable {
    let python: String
    let cases: [RecordedCase]
}

func loadRecordedCases() throws -> [RecordedCase] {
    guard let url = Bundle.module.url(forResource: "cpython_cases", withExtension: "json", subdirectory: "Fixtures") else {
        throw CocoaError(.fileNoSuchFile)
    }
    return try JSONDecoder().decode(RecordedFile.self, from: Data(contentsOf: url)).cases
}
