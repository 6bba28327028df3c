#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What makes one module tree act as several replicas (PyTorch's `replicate`): while a replica runs on a
/// thread, `Module.attribute(_:)` resolves each original parameter and buffer to that replica's copy on the
/// replica's device. The copies of parameters are autograd outputs of the originals (`to(device:)`, PyTorch's
/// Broadcast), so their gradients flow back and sum onto the originals on `device_ids[0]`.
public final class ReplicaContext: @unchecked Sendable {
    /// The simulated device this replica runs on.
    public let device: Device
    let substitutes: [ObjectIdentifier: Tensor]

    public init(device: Device, substitutes: [ObjectIdentifier: Tensor]) {
        self.device = device; self.substitutes = substitutes
    }

    nonisolated(unsafe) private static var key: pthread_key_t = {
        var k = pthread_key_t()
        pthread_key_create(&k, nil)
        return k
    }()

    /// The replica running on this thread, if any.
    public static var current: ReplicaContext? {
        guard let p = pthread_getspecific(key) else { return nil }
        return Unmanaged<ReplicaContext>.fromOpaque(p).takeUnretainedValue()
    }

    /// Runs `body` as this replica on the current thread (restoring the previous one afterwards).
    public func run<R>(_ body: () throws -> R) rethrows -> R {
        let old = pthread_getspecific(ReplicaContext.key)
        let me = Unmanaged.passRetained(self)
        pthread_setspecific(ReplicaContext.key, me.toOpaque())
        defer { pthread_setspecific(ReplicaContext.key, old); me.release() }
        return try body()
    }

    /// The tensor a module should use for `t` on this thread (itself outside any replica).
    @inline(__always)
    public static func resolve(_ t: Tensor) -> Tensor {
        guard let p = pthread_getspecific(key) else { return t }
        let ctx = Unmanaged<ReplicaContext>.fromOpaque(p).takeUnretainedValue()
        return ctx.substitutes[ObjectIdentifier(t)] ?? t
    }
}
