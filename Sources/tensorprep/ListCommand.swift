import ArgumentParser
import QuestionBank
import Terminal

/// `tensorprep list [--topic T]`: the questions as a table (id, topic, difficulty, title).
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the questions of the bank.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Only questions of this topic.")
    var topic: String?

    func run() throws {
        let bank = try global.openBank()
        let questions = try bank.questions(topic: topic)
        if questions.isEmpty {
            if let topic {
                let topics = try bank.topics()
                throw CLIFailure("no questions with topic '\(topic)'" + (topics.isEmpty ? "" : " (topics: \(topics.joined(separator: ", ")))"))
            }
            print(global.language == .zh ? "題庫是空的。" : "The bank is empty.")
            return
        }
        print(ListCommand.render(questions, language: global.language, style: global.style))
    }

    /// The table, then a count line. Titles are cut to the terminal width only on a terminal.
    static func render(_ questions: [Question], language: Language, style: Style,
                       width: Int? = TerminalInfo.isTerminal() ? TerminalInfo.columns() : nil) -> String {
        let zh = language == .zh
        var table = TextTable(columns: [
            .init(zh ? "編號" : "ID"),
            .init(zh ? "主題" : "TOPIC"),
            .init(zh ? "難度" : "LEVEL", alignment: .right),
            .init(zh ? "題目" : "TITLE"),
        ])
        for q in questions { table.append([q.id, q.topic, String(q.difficulty), q.title(language)]) }
        if let width {
            let used = table.columns.indices.dropLast().map { i in
                max(table.columns[i].header.displayWidth, table.rows.map { $0[i].displayWidth }.max() ?? 0) + table.gap
            }.reduce(0, +)
            table.columns[3].maxWidth = max(20, width - used)
        }
        let count = zh ? "共 \(questions.count) 題" : "\(questions.count) question\(questions.count == 1 ? "" : "s")"
        return table.render(style: style) + "\n\n" + style.dim(count)
    }
}
