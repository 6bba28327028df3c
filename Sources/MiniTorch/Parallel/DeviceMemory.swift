import Foundation

/// Per-device memory accounting of the simulated GPUs, as DataParallel moves tensors: bytes currently
/// allocated and the peak, per device (what `torch.cuda.memory_allocated(i)` / `max_memory_allocated(i)` report).
public final class DeviceMemory: @unchecked Sendable {
    public struct Usage: Equatable, Sendable {
        public var allocated: Int = 0
        public var peak: Int = 0
    }
    private let lock = NSLock()
    private var usage: [Device: Usage] = [:]

    public init() {}

    /// Records `bytes` newly allocated on `device`.
    public func allocate(_ bytes: Int, on device: Device) {
        lock.lock(); defer { lock.unlock() }
        var u = usage[device] ?? Usage()
        u.allocated += bytes
        u.peak = max(u.peak, u.allocated)
        usage[device] = u
    }
    /// Records `bytes` freed on `device`.
    public func free(_ bytes: Int, on device: Device) {
        lock.lock(); defer { lock.unlock() }
        var u = usage[device] ?? Usage()
        u.allocated = max(0, u.allocated - bytes)
        usage[device] = u
    }
    /// Current usage of `device` (zeros when nothing was recorded).
    public func usage(of device: Device) -> Usage {
        lock.lock(); defer { lock.unlock() }
        return usage[device] ?? Usage()
    }
    /// Every device with recorded usage, in device order (cpu first).
    public var devices: [Device] {
        lock.lock(); defer { lock.unlock() }
        return usage.keys.sorted { ($0.index ?? -1) < ($1.index ?? -1) }
    }
}

/// Bytes of a tensor's elements (`numel * itemsize`).
@inline(__always) func tensorBytes(_ t: Tensor) -> Int { t.numel * t.dtype.itemSize }
