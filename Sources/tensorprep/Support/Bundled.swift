import Foundation
import QuestionBank

/// The question bank embedded in the binary at build time (`Content/**/*.md`, by the EmbedContent plugin).
enum Bundled {
    /// The embedded files as (path, text); paths start with `Content/` so messages point at the source tree.
    static let files: [(path: String, text: String)] = BundledContent.files.map { file in
        let text = Data(base64Encoded: file.base64).flatMap { String(data: $0, encoding: .utf8) } ?? ""
        return ("Content/" + file.path, text)
    }

    /// The embedded questions, parsed (no database involved). Throws `ContentErrors` if a file is malformed.
    static func questions() throws -> [Question] {
        try ContentFormat.parse(files: files)
    }
}
