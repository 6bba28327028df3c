import Foundation

/// PyTorch's CPU generator (`CPUGeneratorImpl`): an mt19937 engine plus the cached second Box–Muller
/// sample used by the scalar normal path. `Generator.default` is what `torch.manual_seed` seeds.
public final class Generator: @unchecked Sendable {
    /// PyTorch's `default_rng_seed_val`.
    public static let defaultSeed: UInt64 = 67_280_421_310_721
    /// The process-wide default generator (`torch.default_generator`).
    public static let `default` = Generator(seed: defaultSeed)

    var engine: MT19937
    var nextDoubleNormal: Double?
    var nextFloatNormal: Float?
    let lock = NSLock()

    public init(seed: UInt64 = Generator.defaultSeed) {
        engine = MT19937(seed: seed)
    }

    /// `torch.manual_seed(seed)` / `Generator.manual_seed`: reseeds and drops the cached normal samples.
    /// Negative Python ints arrive as their two's-complement bit pattern, as in PyTorch.
    public func manualSeed(_ seed: UInt64) {
        withLock {
            engine = MT19937(seed: seed)
            nextDoubleNormal = nil
            nextFloatNormal = nil
        }
    }

    public func manualSeed(_ seed: Int64) { manualSeed(UInt64(bitPattern: seed)) }

    /// `initial_seed()`.
    public var initialSeed: UInt64 { withLock { engine.seed } }

    /// Runs `body` with the generator locked (PyTorch holds `generator->mutex_` for a whole fill).
    @inline(__always)
    public func withLock<R>(_ body: () throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// `CPUGeneratorImpl::random()`: one 32-bit draw. Call inside `withLock` for multi-draw recipes.
    @inline(__always)
    public func random() -> UInt32 { engine.next32() }

    /// `CPUGeneratorImpl::random64()`: two draws, the first one in the high half.
    @inline(__always)
    public func random64() -> UInt64 {
        let hi = UInt64(engine.next32())
        let lo = UInt64(engine.next32())
        return (hi << 32) | lo
    }

    /// A snapshot of the full state (engine + normal caches), for `get_rng_state`-like save/restore.
    public struct State: Sendable {
        var engine: MT19937
        var nextDoubleNormal: Double?
        var nextFloatNormal: Float?
    }

    public var state: State {
        get { withLock { State(engine: engine, nextDoubleNormal: nextDoubleNormal, nextFloatNormal: nextFloatNormal) } }
        set {
            withLock {
                engine = newValue.engine
                nextDoubleNormal = newValue.nextDoubleNormal
                nextFloatNormal = newValue.nextFloatNormal
            }
        }
    }
}
