import ArgumentParser
import Foundation
import Snippet

/// `tensorprep run FILE|-`: runs a snippet on the engine (SPEC §1, §3). Program output goes to stdout; an uncaught
/// error prints a short Python-style traceback on stderr whose last line is `Type: message`, exit status 1.
/// Start-up stays light: no database, no bundled content.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a Python snippet (the subset of SPEC §3) on the embedded engine.",
        discussion: "Only torch, numpy, tensorflow, math and time can be imported; files, processes and the network are out of reach.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The snippet file, or - to read standard input.")
    var file: String

    @Option(help: ArgumentHelp("Wall-clock limit in seconds.", valueName: "seconds"))
    var timeout: Double = 10

    func validate() throws {
        guard timeout.isFinite, timeout > 0, timeout <= 86_400 else {
            throw ValidationError("--timeout must be a number of seconds between 0 and 86400, got \(timeout)")
        }
    }

    func run() throws {
        let source = try SnippetSource.read(file)
        let out = StandardOutput()
        var limits = Limits(timeout: timeout)
        limits.recursionLimit = 1000
        let (error, interpreter) = SnippetRunner.run(source: source.text, limits: limits,
                                                     settings: ["gpus": global.gpuCount],
                                                     output: { out.write($0) })
        out.flush()
        if let error, let exit = SnippetRunner.exitRequest(error, interpreter) {
            if let m = exit.message { FileHandle.standardError.write(Data((m + "\n").utf8)) }
            if exit.status != 0 { throw CLIFailure("", status: exit.status) }
            return
        }
        if let error {
            FileHandle.standardError.write(Data(interpreter.formatTraceback(error, fileName: source.name).utf8))
            throw CLIFailure("", status: 1)
        }
    }
}

/// Reads a snippet from a path or `-` (stdin).
enum SnippetSource {
    static func read(_ file: String) throws -> (text: String, name: String) {
        if file == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return (String(decoding: data, as: UTF8.self), "<stdin>")
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CLIFailure("cannot read '\(file)': no such file or not readable")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CLIFailure("'\(file)' is not UTF-8 text")
        }
        return (text, file)
    }
}

/// Buffered stdout: line-buffered on a terminal, 64 KiB blocks otherwise (like Python).
final class StandardOutput {
    private var buffer: [UInt8] = []
    private let lineBuffered = isatty(1) != 0

    func write(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 16 || (lineBuffered && s.contains("\n")) { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBufferPointer { p in
            guard let base = p.baseAddress else { return }
            var offset = 0
            while offset < p.count {
                let n = Foundation.write(1, base + offset, p.count - offset)
                if n <= 0 { break }
                offset += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
