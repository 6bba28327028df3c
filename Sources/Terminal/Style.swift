#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// ANSI styling that can be switched off: when `enabled` is false every function returns its input
/// unchanged, so callers never branch on colour themselves.
public struct Style: Sendable {
    public var enabled: Bool

    public init(enabled: Bool) { self.enabled = enabled }

    /// Colour is used only when stdout is a terminal, `NO_COLOR` is unset (any value disables it,
    /// see no-color.org) and the user did not pass `--no-color`.
    public static func automatic(noColorFlag: Bool,
                                 environment: [String: String] = ProcessInfo.processInfo.environment) -> Style {
        if noColorFlag { return Style(enabled: false) }
        if environment["NO_COLOR"] != nil { return Style(enabled: false) }
        if environment["TERM"] == "dumb" { return Style(enabled: false) }
        return Style(enabled: isatty(STDOUT_FILENO) == 1)
    }

    public func bold(_ s: String) -> String { wrap(s, "1") }
    public func dim(_ s: String) -> String { wrap(s, "2") }
    public func underline(_ s: String) -> String { wrap(s, "4") }
    public func red(_ s: String) -> String { wrap(s, "31") }
    public func green(_ s: String) -> String { wrap(s, "32") }
    public func yellow(_ s: String) -> String { wrap(s, "33") }
    public func blue(_ s: String) -> String { wrap(s, "34") }
    public func magenta(_ s: String) -> String { wrap(s, "35") }
    public func cyan(_ s: String) -> String { wrap(s, "36") }
    /// Highlights a match; without colour the match is put in brackets so the information survives.
    public func highlight(_ s: String) -> String { enabled ? wrap(s, "1;33") : "[\(s)]" }

    private func wrap(_ s: String, _ code: String) -> String {
        enabled && !s.isEmpty ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
    }
}
