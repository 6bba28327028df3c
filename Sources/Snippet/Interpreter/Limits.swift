import Foundation

/// The sandbox limits of one run (SPEC §3).
public struct Limits {
    /// Wall-clock budget in seconds (`--timeout`).
    public var timeout: Double = 10
    /// Python call depth (`sys.getrecursionlimit()` is 1000).
    public var recursionLimit = 1000
    /// Largest single allocation (tensor elements, list length) bindings may make.
    public var maxElementsPerAllocation = 50_000_000
    /// Largest list/tuple/str/dict a snippet may build (MemoryError beyond).
    public var maxCollectionLength = 10_000_000
    /// Largest number of elements alive at once, for bindings that report releases.
    public var maxLiveElements = 200_000_000

    public init(timeout: Double = 10) { self.timeout = timeout }
}

extension Interpreter {
    /// Call from bindings before allocating `elements` values (a tensor of that numel, a big list).
    /// Throws `RuntimeError` naming the limit, as SPEC §3 asks.
    public func checkAllocation(elements: Int, what: String = "tensor") throws {
        if elements < 0 { throw PyError.runtimeError("\(what) size must be non-negative, got \(elements)") }
        if elements > limits.maxElementsPerAllocation {
            throw PyError.runtimeError("\(what) of \(elements) elements exceeds the sandbox limit of \(limits.maxElementsPerAllocation) elements")
        }
    }
    /// Counts `elements` against the live-element budget (pair with `releaseElements` when the storage dies).
    public func reserveElements(_ elements: Int, what: String = "tensor") throws {
        try checkAllocation(elements: elements, what: what)
        let (total, o) = liveElements.addingReportingOverflow(elements)
        if o || total > limits.maxLiveElements {
            throw PyError(.memoryError, "sandbox limit of \(limits.maxLiveElements) live elements exceeded")
        }
        liveElements = total
    }
    public func releaseElements(_ elements: Int) { liveElements = max(0, liveElements - elements) }

    /// Checks the wall clock every so many steps; throws the (uncatchable) TimeoutError when over budget.
    @inline(__always)
    func tick() throws {
        steps &+= 1
        if steps & 0x3ff == 0 { try checkDeadline() }
    }

    func checkDeadline() throws {
        if timedOut || DispatchTime.now().uptimeNanoseconds > deadline {
            timedOut = true
            var e = PyError(.timeoutError, "snippet exceeded the \(Formatting.seconds(limits.timeout)) s time limit")
            e.isFatal = true
            throw e
        }
    }

    /// Seconds left before the deadline.
    public var remainingTime: Double {
        let now = DispatchTime.now().uptimeNanoseconds
        return now >= deadline ? 0 : Double(deadline - now) / 1e9
    }
}

extension Formatting {
    static func seconds(_ s: Double) -> String {
        if s == s.rounded(), abs(s) < 1e15 { return String(Int(s)) }
        return floatRepr(s)
    }
}
