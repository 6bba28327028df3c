/// Failures of the question bank, worded for the user; each names the file or directory involved.
public enum BankError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file exists but is not an SQLite database (wrong header or SQLite says so).
    case notADatabase(String)
    /// The database could not be opened, read or written.
    case cannotOpen(String, String)
    /// The database was written by a newer tensorprep (it has migrations this build does not know).
    case newerSchema(String)
    /// The directory meant to hold the database does not exist.
    case missingDirectory(String)
    case noSuchDirectory(String)
    case notADirectory(String)
    case cannotRead(String, String)
    case cannotWrite(String, String)
    case noQuestionFiles(String)
    case unknownQuestion(String)
    /// The content embedded in the binary does not parse (a build problem, not the user's).
    case invalidBundledContent(String)

    public var description: String {
        switch self {
        case .notADatabase(let path):
            return "\(path): not a tensorprep database (the file is not SQLite, or it is corrupt); it was left unchanged"
        case .cannotOpen(let path, let reason):
            return "\(path): cannot open the database: \(reason)"
        case .newerSchema(let path):
            return "\(path): the database was written by a newer version of tensorprep"
        case .missingDirectory(let path):
            return "\(path): directory does not exist"
        case .noSuchDirectory(let path):
            return "\(path): no such directory"
        case .notADirectory(let path):
            return "\(path): not a directory"
        case .cannotRead(let path, let reason):
            return "\(path): \(reason)"
        case .cannotWrite(let path, let reason):
            return "\(path): cannot write: \(reason)"
        case .noQuestionFiles(let path):
            return "\(path): no question files (*.md) found"
        case .unknownQuestion(let id):
            return "no question with id '\(id)' (see `tensorprep list`)"
        case .invalidBundledContent(let details):
            return "the bundled question bank does not parse (rebuild tensorprep):\n\(details)"
        }
    }
}
