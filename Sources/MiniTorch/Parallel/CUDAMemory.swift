import Foundation

/// What `torch.cuda.memory_allocated` / `max_memory_allocated` report for the simulated GPUs: the bytes of
/// every live storage on each device, each rounded as PyTorch's caching allocator rounds a request
/// (`round_size` in c10/cuda/CUDACachingAllocator.cpp: at least 512 bytes, then multiples of 512; an empty
/// tensor allocates nothing). A storage is counted from the moment a tensor on a CUDA device owns it until it is
/// freed (Swift's reference counting frees it at the same points Python's would), so the numbers follow the
/// program like PyTorch's do. Process-wide, like PyTorch's allocator.
public enum CUDAMemory {
    /// PyTorch's `kMinBlockSize`.
    public static let minBlockSize = 512

    private static let lock = NSLock()
    nonisolated(unsafe) private static var allocatedBytes: [Int: Int] = [:]
    nonisolated(unsafe) private static var peakBytes: [Int: Int] = [:]

    /// The block size the caching allocator hands out for a request of `bytes`.
    public static func blockSize(forRequest bytes: Int) -> Int {
        guard bytes > 0 else { return 0 }
        return (bytes + minBlockSize - 1) / minBlockSize * minBlockSize
    }

    /// Bytes currently allocated on `cuda:device`.
    public static func allocated(device: Int) -> Int {
        lock.lock(); defer { lock.unlock() }
        return allocatedBytes[device] ?? 0
    }
    /// The most ever allocated at once on `cuda:device` since the start (or the last `resetPeak`).
    public static func peak(device: Int) -> Int {
        lock.lock(); defer { lock.unlock() }
        return peakBytes[device] ?? 0
    }
    /// `torch.cuda.reset_peak_memory_stats(device)`: the peak restarts from what is allocated now.
    public static func resetPeak(device: Int) {
        lock.lock(); defer { lock.unlock() }
        peakBytes[device] = allocatedBytes[device] ?? 0
    }

    /// Counts `storage` on `cuda:device` unless it is counted already (a storage lives on one device).
    static func place(_ storage: Storage, device: Int) {
        lock.lock(); defer { lock.unlock() }
        guard storage.cudaDevice == nil else { return }
        storage.cudaDevice = device
        let bytes = blockSize(forRequest: storage.byteCount)
        guard bytes > 0 else { return }
        let now = (allocatedBytes[device] ?? 0) + bytes
        allocatedBytes[device] = now
        peakBytes[device] = max(peakBytes[device] ?? 0, now)
    }
    static func free(_ bytes: Int, device: Int) {
        guard bytes > 0 else { return }
        lock.lock(); defer { lock.unlock() }
        allocatedBytes[device] = max(0, (allocatedBytes[device] ?? 0) - bytes)
    }
}

extension Storage {
    /// Counts this storage on `device` (once: a storage lives on one device) when it is a CUDA device.
    func place(on device: Device) {
        guard case .cuda(let index) = device else { return }
        CUDAMemory.place(self, device: index)
    }
}
