import ArgumentParser
import Foundation
import QuestionBank

/// `tensorprep export DIR`: writes every question as `<id>.md` in the Content/ format.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the bank out as question files (one <id>.md per question).",
        discussion: "`tensorprep import` of the result gives back the same questions.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Directory to write to (created if missing; existing <id>.md files are overwritten).")
    var directory: String

    @Option(help: "Only questions of this topic.")
    var topic: String?

    func run() throws {
        let bank = try global.openBank()
        let written = try bank.export(to: URL(fileURLWithPath: directory), topic: topic)
        let n = written.count
        print(global.language == .zh ? "已匯出 \(n) 題到 \(directory)。"
                                     : "Exported \(n) question\(n == 1 ? "" : "s") to \(directory).")
    }
}
