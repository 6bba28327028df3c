#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Facts about the terminal the tool runs in.
public enum TerminalInfo {
    /// True when the given file descriptor (stdout by default) is a terminal.
    public static func isTerminal(_ fd: Int32 = STDOUT_FILENO) -> Bool { isatty(fd) == 1 }

    /// Width of the terminal in columns: `COLUMNS` if set, else the window size, else 80.
    public static func columns(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        if let text = environment["COLUMNS"], let n = Int(text), n > 0 { return n }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }
}

/// Writes text to standard error (messages for the user that are not program output).
public func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
