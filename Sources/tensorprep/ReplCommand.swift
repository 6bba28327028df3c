import ArgumentParser
import Foundation
import Snippet

/// `tensorprep repl`: a Python-like prompt on the engine. `>>>` for a new statement, `...` while a block or
/// bracket is open (a blank line ends a block); expression values are echoed with `repr`; an error prints its
/// traceback and the session goes on. Line editing and history come from the system's libedit when it is
/// installed (loaded at run time, so the binary needs no link-time dependency); otherwise plain line input.
struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Interactive Python-subset prompt with the embedded PyTorch-compatible engine.")

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Wall-clock limit in seconds for each input.", valueName: "seconds"))
    var timeout: Double = 10

    func validate() throws {
        guard timeout.isFinite, timeout > 0, timeout <= 86_400 else {
            throw ValidationError("--timeout must be a number of seconds between 0 and 86400, got \(timeout)")
        }
    }

    func run() throws {
        let interactive = isatty(0) != 0
        let input = LineInput(interactive: interactive)
        let session = InteractiveSession(limits: Limits(timeout: timeout), settings: ["gpus": global.gpuCount])
        let out = StandardOutput()
        session.liveOutput = { out.write($0) }
        if interactive {
            print("tensorprep \(TensorPrep.configuration.version) — Python subset with a PyTorch-compatible engine")
            print("Modules: torch, numpy, tensorflow, math, time. Ctrl-D or exit() to leave.")
        }
        defer { input.saveHistory() }
        while true {
            guard let first = input.readLine(prompt: ">>> ") else { break }
            if first.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let trimmed = first.trimmingCharacters(in: .whitespaces)
            if trimmed == "exit()" || trimmed == "quit()" || trimmed == "exit" || trimmed == "quit" { break }
            var buffer = first
            while InteractiveSession.needsMoreInput(buffer) {
                guard let next = input.readLine(prompt: "... ") else { break }
                if next.trimmingCharacters(in: .whitespaces).isEmpty {
                    // a blank line closes a block, but not an open bracket or string
                    if !InteractiveSession.needsMoreInput(buffer + "\n\n") { break }
                }
                buffer += "\n" + next
            }
            input.addHistory(buffer)
            let result = session.execute(buffer + "\n")
            out.flush()
            if let error = result.error, SnippetRunner.exitRequest(error, session.interpreter) != nil { break }
            if let tb = result.traceback {
                FileHandle.standardError.write(Data(tb.utf8))
            }
        }
        if interactive { print("") }
        out.flush()
    }
}

/// Reads lines through libedit's `readline` (editing, history) when available, else `Swift.readLine`.
/// Prompts go to stdout on a terminal and to stderr when input is piped (stdout stays the program's output).
final class LineInput {
    private typealias ReadlineFn = @convention(c) (UnsafePointer<CChar>?) -> UnsafeMutablePointer<CChar>?
    private typealias HistoryFn = @convention(c) (UnsafePointer<CChar>?) -> Int32
    private var readlineFn: ReadlineFn?
    private var addHistoryFn: HistoryFn?
    private var readHistoryFn: HistoryFn?
    private var writeHistoryFn: HistoryFn?
    private let interactive: Bool
    private let historyPath: String

    init(interactive: Bool) {
        self.interactive = interactive
        let env = ProcessInfo.processInfo.environment
        let dataHome = env["XDG_DATA_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? ((env["HOME"] ?? NSHomeDirectory()) as NSString).appendingPathComponent(".local/share")
        historyPath = (dataHome as NSString).appendingPathComponent("tensorprep/repl_history")
        guard interactive else { return }
        for name in ["libedit.so.2", "libedit.so", "libedit.3.dylib", "libedit.dylib"] {
            guard let handle = dlopen(name, RTLD_NOW) else { continue }
            if let f = dlsym(handle, "readline") { readlineFn = unsafeBitCast(f, to: ReadlineFn.self) }
            if let f = dlsym(handle, "add_history") { addHistoryFn = unsafeBitCast(f, to: HistoryFn.self) }
            if let f = dlsym(handle, "read_history") { readHistoryFn = unsafeBitCast(f, to: HistoryFn.self) }
            if let f = dlsym(handle, "write_history") { writeHistoryFn = unsafeBitCast(f, to: HistoryFn.self) }
            if readlineFn != nil { break }
        }
        if let read = readHistoryFn, FileManager.default.fileExists(atPath: historyPath) {
            _ = historyPath.withCString { read($0) }
        }
    }

    func readLine(prompt: String) -> String? {
        if let rl = readlineFn {
            guard let p = prompt.withCString({ rl($0) }) else { return nil }
            defer { free(p) }
            return String(cString: p)
        }
        if interactive {
            print(prompt, terminator: "")
            fflush(stdout)
        } else {
            FileHandle.standardError.write(Data(prompt.utf8))
        }
        return Swift.readLine(strippingNewline: true)
    }

    func addHistory(_ entry: String) {
        guard let add = addHistoryFn else { return }
        _ = entry.withCString { add($0) }
    }

    func saveHistory() {
        guard let write = writeHistoryFn else { return }
        let dir = (historyPath as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        _ = historyPath.withCString { write($0) }
    }
}
