import ArgumentParser
import Foundation
import QuestionBank

/// `tensorprep import DIR`: loads the user's own question files, all or nothing.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import your own question files (the Content/ format) into the database.",
        discussion: "All or nothing: every file is checked first; a malformed file is reported as path:line: message and nothing is imported.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Directory holding *.md question files (searched recursively).")
    var directory: String

    func run() throws {
        // Parse and validate everything before the database is even opened.
        let url = URL(fileURLWithPath: directory)
        let files = try ContentFormat.readFiles(directory: url)
        let questions = try ContentFormat.parse(files: files)
        guard !questions.isEmpty else { throw BankError.noQuestionFiles(directory) }
        let bank = try global.openBank()
        let summary = try bank.importQuestions(questions, contentHash: contentHash(of: files))
        let zh = global.language == .zh
        let n = questions.count
        if zh {
            print("已從 \(directory) 匯入 \(n) 題（新增 \(summary.added.count)，取代 \(summary.replaced.count)）。")
        } else {
            print("Imported \(n) question\(n == 1 ? "" : "s") from \(directory) (\(summary.added.count) new, \(summary.replaced.count) replaced).")
        }
    }
}
