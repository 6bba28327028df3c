/// Where a tensor lives. All data is host memory; `cuda(i)` is a simulated GPU.
public enum Device: Equatable, Hashable, Sendable, CustomStringConvertible {
    case cpu
    case cuda(Int)

    /// "cpu" or "cuda:1".
    public var description: String {
        switch self {
        case .cpu: return "cpu"
        case .cuda(let i): return "cuda:\(i)"
        }
    }
    public var type: String { if case .cpu = self { return "cpu" } else { return "cuda" } }
    public var index: Int? { if case .cuda(let i) = self { return i } else { return nil } }
    public var isCuda: Bool { if case .cuda = self { return true } else { return false } }

    /// Parses "cpu", "cuda", "cuda:1" (plain "cuda" means cuda:0).
    public init?(parsing s: String) {
        if s == "cpu" { self = .cpu; return }
        if s == "cuda" { self = .cuda(0); return }
        if s.hasPrefix("cuda:"), let i = Int(s.dropFirst(5)), i >= 0 { self = .cuda(i); return }
        return nil
    }
}
