import Foundation
import QuestionBank

/// A failure a command reports itself: the message goes to stderr prefixed with `tensorprep: `,
/// and the process exits with `status` (1 by default). An empty message prints nothing.
struct CLIFailure: Error {
    var message: String
    var status: Int32 = 1
    init(_ message: String, status: Int32 = 1) {
        self.message = message
        self.status = status
    }
}

/// The message for errors of the libraries that are the user's business (bad file, bad database…),
/// nil for anything else (argument-parser errors keep their own wording and exit codes).
func userFacingMessage(_ error: Error) -> String? {
    switch error {
    case let error as BankError: return error.description
    case let error as ContentErrors: return error.description
    case let error as CocoaError: return error.localizedDescription
    default: return nil
    }
}
