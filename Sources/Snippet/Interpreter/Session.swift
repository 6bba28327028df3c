import Foundation

/// Entry points for running snippets: whole programs (`tensorprep run`), interactive sessions (`repl`, doctest
/// checks). Every run happens on a thread with a large stack so deep recursion ends in RecursionError, never in a
/// stack overflow.
public enum SnippetRunner {
    /// Stack size of the interpreter thread.
    public static let stackSize = 512 << 20

    /// Runs `body` on a big-stack thread and waits for it.
    public static func onBigStack<T>(_ body: @escaping () -> T) -> T {
        let box = ResultBox(body)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = box.body()
            done.signal()
        }
        thread.stackSize = stackSize
        thread.start()
        done.wait()
        // `value` is always set before the signal. Take it out of the box: the finished thread lets go of its
        // closure (and so of the box) a moment later, and whatever the box still held (an interpreter with its
        // tensors) would then be freed on that thread, after the caller has moved on.
        let value = box.value
        box.value = nil
        return value ?? body()
    }

    /// Runs a program. Output goes to `output` as it is produced; returns the uncaught error, if any.
    /// `settings` pre-fill `Interpreter.extensionState` (e.g. `"gpus": 4` from `--gpus`).
    public static func run(source: String, limits: Limits = Limits(), settings: [String: Any] = [:],
                           output: @escaping (String) -> Void) -> (error: PyError?, interpreter: Interpreter) {
        onBigStack {
            let interp = Interpreter(limits: limits, output: output)
            interp.extensionState = settings
            do {
                try interp.run(source)
                return (nil, interp)
            } catch {
                return (interp.translate(error), interp)
            }
        }
    }

    /// For an uncaught `SystemExit` (`exit()`, `exit(3)`, `exit("msg")`): the process exit status and the text to
    /// print on stderr, as Python does; nil for other errors.
    public static func exitRequest(_ error: PyError, _ interpreter: Interpreter) -> (status: Int32, message: String?)? {
        guard error.exception.type.isSubtype(of: .systemExit) else { return nil }
        let args = error.exception.args
        guard let code = args.first, args.count == 1 else { return (args.isEmpty ? 0 : 1, args.isEmpty ? nil : try? interpreter.repr(.tuple(args))) }
        switch code {
        case .none: return (0, nil)
        case .int(let i): return (Int32(truncatingIfNeeded: i), nil)
        case .bool(let b): return (b ? 1 : 0, nil)
        default: return (1, (try? interpreter.str(code)) ?? "")
        }
    }

    /// Runs a program and captures its output (for tests and `show --run`).
    public static func capture(_ source: String, limits: Limits = Limits()) -> (output: String, error: PyError?, traceback: String?) {
        var out = ""
        let (err, interp) = run(source: source, limits: limits) { out += $0 }
        return (out, err, err.map { interp.formatTraceback($0) })
    }
}

extension Interpreter {
    /// Python's text for an uncaught exception: a short traceback whose last line is `Type: message`.
    /// SyntaxErrors print file/line, the source line, a caret, then `SyntaxError: message` (as Python 3.11 does).
    public func formatTraceback(_ error: PyError, fileName: String = "<stdin>") -> String {
        var out = ""
        if case .object(let c) = error.exception.cause, let cause = c as? PyException {
            out += formatTraceback(PyError(exception: cause), fileName: fileName)
            out += "\nThe above exception was the direct cause of the following exception:\n\n"
        }
        let exc = error.exception
        if let loc = exc.syntaxLocation {
            out += "  File \"\(fileName)\", line \(loc.line)\n"
            let raw = loc.text
            let stripped = raw.drop { $0 == " " || $0 == "\t" }
            let removed = raw.count - stripped.count
            let noCaret = exc.type === PyType.indentationError && error.message == "unexpected indent"
            if !stripped.isEmpty && noCaret {
                out += "    " + stripped.trimmingSpaces + "\n"
            } else if !stripped.isEmpty {
                out += "    " + stripped.trimmingSpaces + "\n"
                let caretCol = max(0, min(loc.column - 1 - removed, stripped.count))
                out += "    " + String(repeating: " ", count: caretCol) + "^\n"
            }
            return out + finalLine(error) + "\n"
        }
        out += "Traceback (most recent call last):\n"
        for entry in exc.traceback.reversed() {
            out += "  File \"\(fileName)\", line \(entry.line), in \(entry.function)\n"
            if entry.line >= 1 && entry.line <= sourceLines.count {
                let text = sourceLines[entry.line - 1].trimmingSpaces
                if !text.isEmpty { out += "    \(text)\n" }
            }
        }
        return out + finalLine(error) + "\n"
    }

    /// `Type: message` (or just `Type` when the message is empty), using the exception's `__str__`.
    public func finalLine(_ error: PyError) -> String {
        let exc = error.exception
        let t = exc.type
        let name = (t.moduleName == "builtins" || t.moduleName == "__main__") ? t.name : "\(t.moduleName).\(t.name)"
        let msg = (try? str(.object(exc))) ?? exc.messageText
        return msg.isEmpty ? name : "\(name): \(msg)"
    }
}

/// An interactive session: the REPL and doctest-style checks. State persists between inputs.
///
/// ```swift
/// let s = InteractiveSession()
/// let r = s.execute("x = 1 + 1\nx")   // r.output == "2\n", r.error == nil
/// ```
public final class InteractiveSession {
    public let interpreter: Interpreter
    private var captured = ""
    /// When set, output is forwarded here as it is produced instead of being captured.
    public var liveOutput: ((String) -> Void)?

    public init(limits: Limits = Limits(), settings: [String: Any] = [:]) {
        var sink: ((String) -> Void)?
        interpreter = Interpreter(limits: limits) { sink?($0) }
        interpreter.extensionState = settings
        sink = { [unowned self] s in
            if let live = self.liveOutput { live(s) } else { self.captured += s }
        }
    }

    public struct Result {
        /// Everything printed, plus echoed reprs of expression statements.
        public var output: String
        public var error: PyError?
        /// The full traceback text when `error` is set.
        public var traceback: String?
        /// The last traceback line (`Type: message`) when `error` is set.
        public var errorLine: String?
    }

    /// Runs one input in REPL mode: expression statements at top level echo their repr (None is not echoed).
    public func execute(_ source: String, fileName: String = "<stdin>") -> Result {
        captured = ""
        let interp = interpreter
        interp.resetDeadline()
        let error: PyError? = SnippetRunner.onBigStack {
            do {
                let body = try interp.parse(source)
                try interp.execModule(body, echo: { v in interp.write(try interp.repr(v) + "\n") })
                return nil
            } catch {
                return interp.translate(error)
            }
        }
        let out = captured
        captured = ""
        return Result(output: out, error: error, traceback: error.map { interp.formatTraceback($0, fileName: fileName) },
                      errorLine: error.map { interp.finalLine($0) })
    }

    /// True when `source` is an incomplete statement that needs more lines (`...` prompt): an open bracket,
    /// a trailing `:` block header, a backslash continuation, or an unterminated triple-quoted string.
    public static func needsMoreInput(_ source: String) -> Bool {
        do {
            _ = try Parser.parse(source)
        } catch let e as SyntaxErrorInfo {
            if e.message.hasPrefix("unterminated triple-quoted") || e.message.hasSuffix("was never closed")
                || e.message.hasPrefix("expected an indented block") || e.message == "unexpected EOF while parsing" {
                return true
            }
            return false
        } catch { return false }
        // a compound statement header followed by its block continues until a blank line
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first(where: { !$0.trimmingSpaces.isEmpty }) else { return false }
        let t = first.trimmingSpaces
        let compound = ["if ", "if(", "for ", "while ", "def ", "class ", "with ", "try:", "try ", "@", "elif ", "else:", "except", "finally:"]
        if compound.contains(where: { t.hasPrefix($0) }) {
            return !(source.hasSuffix("\n\n") || lines.last?.trimmingSpaces.isEmpty == true && lines.count > 1 && source.hasSuffix("\n"))
        }
        return false
    }
}

/// Carries a closure and its result across the thread boundary (the caller waits on a semaphore).
private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
    let body: () -> T
    init(_ b: @escaping () -> T) { body = b }
}
