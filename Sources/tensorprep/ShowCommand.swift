import ArgumentParser
import QuestionBank
import Terminal

/// `tensorprep show ID`: one question with its answer, correction, choices and demo transcripts.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a question with its answer, correction and demos.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The question id (see `tensorprep list`).")
    var id: String

    @Flag(name: .customLong("run"), help: "Run the demos live on the engine under the answer.")
    var runDemos = false

    func run() throws {
        let bank = try global.openBank()
        guard let question = try bank.question(id: id) else {
            let near = try bank.questions().map(\.id).filter { $0.contains(id) || id.contains($0) }
            throw CLIFailure("no question with id '\(id)'" + (near.isEmpty ? " (see `tensorprep list`)" : "; did you mean: \(near.joined(separator: ", "))?"))
        }
        print(ShowCommand.render(question, language: global.language, style: global.style))
        if runDemos {
            let zh = global.language == .zh
            print("")
            print(global.style.bold(global.style.cyan(zh ? "即時執行（tensorprep 引擎）" : "Live run (tensorprep engine)")))
            print(DemoChecker.liveTranscript(question, gpus: global.gpuCount), terminator: "")
            if let explain = question.explain { showWalkthrough(explain) }
        }
    }

    /// The question's `explain:` walkthrough, rendered by `tensorprep explain` itself with this command's language,
    /// colour and GPU count (options on the `explain:` line win). A walkthrough that cannot be built is reported
    /// in a line, not as a failure of `show`.
    func showWalkthrough(_ line: String) {
        let zh = global.language == .zh
        print("")
        print(global.style.bold(global.style.cyan((zh ? "逐步講解（tensorprep explain " : "Walkthrough (tensorprep explain ") + line + ")")))
        var arguments = ShowCommand.words(line)
        arguments += ["--lang", global.language.rawValue]
        if global.noColor { arguments.append("--no-color") }
        if !arguments.contains("--gpus") { arguments += ["--gpus", String(global.gpuCount)] }
        do {
            try ExplainCommand.parse(arguments).run()
        } catch let failure as CLIFailure {
            print(global.style.red(failure.message))
        } catch {
            print(global.style.red(ExplainCommand.message(for: error)))
        }
    }

    /// Splits an `explain:` line into arguments: words separated by spaces, double quotes group a value with spaces.
    static func words(_ line: String) -> [String] {
        var out: [String] = []
        var current = ""
        var quoted = false, started = false
        for ch in line {
            if ch == "\"" { quoted.toggle(); started = true; continue }
            if ch.isWhitespace && !quoted {
                if started { out.append(current); current = ""; started = false }
                continue
            }
            current.append(ch)
            started = true
        }
        if started { out.append(current) }
        return out
    }

    /// The question as text: a header line, then the sections in the chosen language.
    static func render(_ q: Question, language: Language, style: Style) -> String {
        let zh = language == .zh
        var out: [String] = []
        var header = [style.bold(q.id), q.topic, (zh ? "難度 " : "difficulty ") + String(q.difficulty), q.source.rawValue]
        if !q.tags.isEmpty { header.append((zh ? "標籤: " : "tags: ") + q.tags.joined(separator: ", ")) }
        out.append(header.joined(separator: " · "))
        func section(_ title: String, _ body: String) {
            out.append("")
            out.append(style.bold(style.cyan(title)))
            out.append(body)
        }
        section(zh ? "問題" : "Question", q.prompt[language])
        if q.kind == .choice {
            let letters = Array("abcdefghijklmnopqrstuvwxyz")
            let lines = q.choices.enumerated().map { i, choice -> String in
                let letter = i < letters.count ? String(letters[i]) : String(i + 1)
                return "  \(letter)) " + choice.text[language].replacingOccurrences(of: "\n", with: "\n     ")
            }
            section(zh ? "選項" : "Choices", lines.joined(separator: "\n"))
        }
        section(zh ? "答案" : "Answer", renderDemo(q.answer[language], style: style))
        if q.kind == .choice {
            let letters = Array("abcdefghijklmnopqrstuvwxyz")
            let correct = q.choices.enumerated().filter { $0.element.isCorrect }
                .map { $0.offset < letters.count ? String(letters[$0.offset]) : String($0.offset + 1) }
            out.append((zh ? "正確選項: " : "Correct: ") + style.green(correct.joined(separator: ", ")))
        }
        if let correction = q.correction {
            section(zh ? "更正" : "Correction", style.yellow(renderDemo(correction[language], style: style)))
        }
        section(zh ? "示範" : "Demo", renderDemo(q.demo, style: style))
        if let explain = q.explain {
            out.append("")
            out.append(style.dim((zh ? "逐步講解: " : "Walkthrough: ") + "tensorprep explain " + explain))
        }
        return out.joined(separator: "\n")
    }

    /// Markdown as written (the Demo section, answers), with code fences dropped and code indented by four
    /// spaces, as a terminal reader expects; `>>>` prompts are dimmed on a terminal.
    static func renderDemo(_ demo: String, style: Style) -> String {
        var out: [String] = []
        var inFence = false
        for line in demo.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                inFence.toggle()
                continue
            }
            if inFence {
                if line.hasPrefix(">>> ") || line.hasPrefix("... ") || line == ">>>" || line == "..." {
                    out.append("    " + style.dim(String(line.prefix(3))) + line.dropFirst(3))
                } else {
                    out.append("    " + line)
                }
            } else {
                out.append(line)
            }
        }
        return out.joined(separator: "\n")
    }
}

import Foundation
