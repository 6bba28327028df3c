/// The 32-bit Mersenne Twister exactly as PyTorch's `at::mt19937` (ATen/core/MT19937RNGEngine.h):
/// seeded with the low 32 bits of the seed, Knuth's initialisation multiplier 1812433253, and the
/// Cokus/Bellew "next_state" refill that happens on the first draw after seeding.
public struct MT19937: Sendable {
    static let n = 624
    static let m = 397
    static let matrixA: UInt32 = 0x9908_b0df

    /// The seed this engine was created with (PyTorch keeps the full 64 bits for `initial_seed()`).
    public private(set) var seed: UInt64
    private var state: [UInt32]
    private var left: Int
    private var next: Int

    public init(seed: UInt64 = 5489) {
        self.seed = seed
        var s = [UInt32](repeating: 0, count: MT19937.n)
        s[0] = UInt32(truncatingIfNeeded: seed)
        for j in 1..<MT19937.n {
            let prev = s[j - 1]
            s[j] = 1_812_433_253 &* (prev ^ (prev >> 30)) &+ UInt32(j)
        }
        state = s
        left = 1
        next = 0
    }

    @inline(__always)
    private static func twist(_ u: UInt32, _ v: UInt32) -> UInt32 {
        let mixed = (u & 0x8000_0000) | (v & 0x7fff_ffff)
        return (mixed >> 1) ^ ((v & 1) != 0 ? matrixA : 0)
    }

    private mutating func nextState() {
        left = MT19937.n
        next = 0
        let n = MT19937.n, m = MT19937.m
        state.withUnsafeMutableBufferPointer { s in
            var p = 0
            for _ in 0..<(n - m) {
                s[p] = s[p + m] ^ MT19937.twist(s[p], s[p + 1])
                p += 1
            }
            for _ in 0..<(m - 1) {
                s[p] = s[p + m - n] ^ MT19937.twist(s[p], s[p + 1])
                p += 1
            }
            s[p] = s[p + m - n] ^ MT19937.twist(s[p], s[0])
        }
    }

    /// One tempered 32-bit output.
    @inline(__always)
    public mutating func next32() -> UInt32 {
        left -= 1
        if left == 0 { nextState() }
        var y = state[next]
        next += 1
        y ^= (y >> 11)
        y ^= (y << 7) & 0x9d2c_5680
        y ^= (y << 15) & 0xefc6_0000
        y ^= (y >> 18)
        return y
    }
}
