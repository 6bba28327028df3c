/// One problem found in a question file, reported as `path:line: message`.
public struct ContentIssue: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    /// 1-based line number.
    public var line: Int
    public var message: String

    public init(path: String, line: Int, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String { "\(path):\(line): \(message)" }
}

/// Every problem found while reading a set of question files; nothing is imported when this is thrown.
public struct ContentErrors: Error, Equatable, Sendable, CustomStringConvertible {
    public var issues: [ContentIssue]

    public init(_ issues: [ContentIssue]) { self.issues = issues }

    /// One `path:line: message` per line.
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
