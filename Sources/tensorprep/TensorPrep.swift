import ArgumentParser
import Foundation
import QuestionBank
import Terminal

/// The `tensorprep` command. Each subcommand lives in its own file (`<Name>Command.swift`) as a thin
/// `ParsableCommand` (or `AsyncParsableCommand`) that includes `@OptionGroup var global: GlobalOptions`
/// and calls one library entry point. To add a command: add its file and one line to `subcommands:` below.
@main
struct TensorPrep: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tensorprep",
        abstract: "Deep-learning interview prep: a question bank, live PyTorch-compatible demos, quizzes.",
        discussion: """
            Global options (--db, --lang, --no-color, --gpus) work before or after the command name.
            Exit status: 0 success, 1 failure, 2 bad usage.
            """,
        version: "0.1.0",
        subcommands: [
            // Browse the bank (QuestionBank).
            ListCommand.self,
            ShowCommand.self,
            SearchCommand.self,
            ImportCommand.self,
            ExportCommand.self,
            ScheduleCommand.self,
            // Add new commands here, one line each.
            RunCommand.self, ReplCommand.self, CheckCommand.self,
            BenchCommand.self,
            ExplainCommand.self,
            QuizCommand.self,
            StatsCommand.self,
        ])

    /// Parsed here too so that `tensorprep --db X list` works as well as `tensorprep list --db X`;
    /// `main` hands options given before the command name to the subcommand.
    @OptionGroup var global: GlobalOptions

    static func main() async {
        keepLargeBuffersInTheHeap()
        let arguments = GlobalOptions.movingLeadingGlobals(Array(CommandLine.arguments.dropFirst()))
        let status = await run(arguments)
        Foundation.exit(status)
    }

    /// glibc serves blocks above a dynamic threshold (128 KiB at first) with fresh mmap()s and trims the heap
    /// eagerly, so a tensor buffer of a few MB can cost page faults on every allocation (measured: `unfold`
    /// [8,32,32,32] k3 swung between 0.3 and 3 ms depending on heap state). Blocks up to 64 MiB come from the
    /// heap and up to 256 MiB of free heap is kept, so buffers are reused, as PyTorch's caching allocators do.
    static func keepLargeBuffersInTheHeap() {
        #if os(Linux) && canImport(Glibc)
        // <malloc.h>: M_TRIM_THRESHOLD = -1, M_MMAP_THRESHOLD = -3 (the header is not part of the Glibc module).
        _ = glibcMallopt(-3, 64 << 20)
        _ = glibcMallopt(-1, 256 << 20)
        #endif
    }

    /// Parses and runs one command line; returns the exit status (0 ok, 1 failure, 2 bad usage).
    static func run(_ arguments: [String]) async -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return 0
        } catch {
            return report(error)
        }
    }

    /// Prints what went wrong (on stderr, except help and version on stdout) and returns the exit status.
    static func report(_ error: Error) -> Int32 {
        switch error {
        case let issues as ContentErrors:
            // `path:line: message` lines, as compilers print them.
            printError(issues.description)
            return 1
        case let failure as CLIFailure:
            if !failure.message.isEmpty { printError("tensorprep: " + failure.message) }
            return failure.status
        default:
            if let known = userFacingMessage(error) {
                printError("tensorprep: " + known)
                return 1
            }
        }
        let code = exitCode(for: error)
        let message = fullMessage(for: error)
        if code == .success {
            if !message.isEmpty { print(message) }
            return 0
        }
        if !message.isEmpty { printError(message) }
        return code == .validationFailure ? 2 : code.rawValue
    }
}

#if os(Linux) && canImport(Glibc)
/// glibc's `int mallopt(int param, int value)`.
@_silgen_name("mallopt")
private func glibcMallopt(_ param: Int32, _ value: Int32) -> Int32
#endif
