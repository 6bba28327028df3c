/// A raised Python exception travelling through Swift code as an `Error`.
///
/// Throw one from bindings: `throw PyError(.runtimeError, "index 5 is out of bounds for dimension 1 with size 2")`.
/// The interpreter adds the snippet line it was raised on.
public struct PyError: Error, CustomStringConvertible {
    public let exception: PyException
    /// Sandbox limits (time) must not be swallowed by `except Exception:`; they unwind to the top.
    public var isFatal = false

    public init(_ type: PyType, _ message: String) {
        exception = PyException(type: type, args: [.str(message)])
    }
    public init(_ type: PyType, args: [Value]) {
        exception = PyException(type: type, args: args)
    }
    public init(exception: PyException) { self.exception = exception }

    /// `KeyError(key)`: its message is the key's repr.
    public static func keyError(_ key: Value) -> PyError { PyError(.keyError, args: [key]) }
    public static func typeError(_ m: String) -> PyError { PyError(.typeError, m) }
    public static func valueError(_ m: String) -> PyError { PyError(.valueError, m) }
    public static func runtimeError(_ m: String) -> PyError { PyError(.runtimeError, m) }
    public static func indexError(_ m: String) -> PyError { PyError(.indexError, m) }
    public static func attributeError(_ m: String) -> PyError { PyError(.attributeError, m) }
    public static func notImplementedError(_ m: String) -> PyError { PyError(.notImplementedError, m) }

    public var typeName: String { exception.type.name }
    /// `str(exception)` for simple args (what follows `Type: ` on the last traceback line).
    public var message: String { exception.messageText }
    public var description: String { message.isEmpty ? typeName : "\(typeName): \(message)" }
}

/// An exception instance (`ValueError('x')`), also the base object of user-defined exception classes.
public final class PyException: PyObject {
    public var args: [Value]
    /// `raise X from Y`
    public var cause: Value = .none
    /// `(line, function name)` frames, innermost last, filled while unwinding.
    public var traceback: [(line: Int, function: String)] = []
    /// For SyntaxError: line, column (1-based), source line text.
    public var syntaxLocation: (line: Int, column: Int, text: String)?

    public init(type: PyType, args: [Value]) {
        self.args = args
        super.init(type: type, hasDict: true)
    }

    /// `str(e)` when args are plain (no user `__str__`): '' / str(arg) / str(args tuple); KeyError uses repr.
    var messageText: String {
        if args.isEmpty { return "" }
        if args.count == 1 {
            if type.isSubtype(of: .keyError) { return Formatting.simpleRepr(args[0]) }
            return Formatting.simpleStr(args[0])
        }
        return Formatting.simpleRepr(.tuple(args))
    }
}

extension PyType {
    static func exceptionType(_ name: String, _ base: PyType?) -> PyType {
        let t = PyType(name: name, bases: base.map { [$0] } ?? [PyType.object])
        return t
    }
    public static let baseException: PyType = {
        let t = exceptionType("BaseException", nil)
        t.allocator = { PyException(type: $0, args: []) }
        return t
    }()
    public static let systemExit = exceptionType("SystemExit", baseException)
    public static let keyboardInterrupt = exceptionType("KeyboardInterrupt", baseException)
    public static let exception = exceptionType("Exception", baseException)
    public static let arithmeticError = exceptionType("ArithmeticError", exception)
    public static let floatingPointError = exceptionType("FloatingPointError", arithmeticError)
    public static let overflowError = exceptionType("OverflowError", arithmeticError)
    public static let zeroDivisionError = exceptionType("ZeroDivisionError", arithmeticError)
    public static let assertionError = exceptionType("AssertionError", exception)
    public static let attributeError = exceptionType("AttributeError", exception)
    public static let bufferError = exceptionType("BufferError", exception)
    public static let eofError = exceptionType("EOFError", exception)
    public static let importError = exceptionType("ImportError", exception)
    public static let moduleNotFoundError = exceptionType("ModuleNotFoundError", importError)
    public static let lookupError = exceptionType("LookupError", exception)
    public static let indexError = exceptionType("IndexError", lookupError)
    public static let keyError = exceptionType("KeyError", lookupError)
    public static let memoryError = exceptionType("MemoryError", exception)
    public static let nameError = exceptionType("NameError", exception)
    public static let unboundLocalError = exceptionType("UnboundLocalError", nameError)
    public static let osError = exceptionType("OSError", exception)
    public static let timeoutError = exceptionType("TimeoutError", osError)
    public static let runtimeError = exceptionType("RuntimeError", exception)
    public static let notImplementedError = exceptionType("NotImplementedError", runtimeError)
    public static let recursionError = exceptionType("RecursionError", runtimeError)
    public static let stopIteration = exceptionType("StopIteration", exception)
    public static let syntaxError = exceptionType("SyntaxError", exception)
    public static let indentationError = exceptionType("IndentationError", syntaxError)
    public static let tabError = exceptionType("TabError", indentationError)
    public static let typeError = exceptionType("TypeError", exception)
    public static let valueError = exceptionType("ValueError", exception)
    public static let unicodeError = exceptionType("UnicodeError", valueError)
    public static let warning = exceptionType("Warning", exception)
    public static let userWarning = exceptionType("UserWarning", warning)
    public static let deprecationWarning = exceptionType("DeprecationWarning", warning)
    public static let runtimeWarning = exceptionType("RuntimeWarning", warning)

    /// Every built-in exception class, for the builtins namespace.
    static var allExceptionTypes: [PyType] {
        [baseException, systemExit, keyboardInterrupt, exception, arithmeticError, floatingPointError, overflowError,
         zeroDivisionError, assertionError, attributeError, bufferError, eofError, importError, moduleNotFoundError,
         lookupError, indexError, keyError, memoryError, nameError, unboundLocalError, osError, timeoutError,
         runtimeError, notImplementedError, recursionError, stopIteration, syntaxError, indentationError, tabError,
         typeError, valueError, unicodeError, warning, userWarning, deprecationWarning, runtimeWarning]
    }
}
