import Foundation

// PyTorch's sampling recipes (ATen/core/TransformationHelper.h, DistributionsHelper.h and
// ATen/native/cpu/DistributionTemplates.h), on raw buffers. Every function here consumes the
// generator's stream exactly as the CPU kernels do, so seeded results match PyTorch bit for bit.

extension Generator {
    // MARK: single draws (caller holds the lock)

    /// `uniform_real_distribution<float>`: 24 bits of a 32-bit draw, scaled to [from, to).
    /// GCC contracts `x * (to - from) + from` into one FMA in PyTorch's kernels.
    @inline(__always)
    func uniformFloat(from: Float, to: Float) -> Float {
        let x = Float(random() & 0x00ff_ffff) * 0x1p-24
        return from.addingProduct(x, to - from)
    }

    /// `uniform_real_distribution<double>`: 53 bits of a 64-bit draw.
    @inline(__always)
    func uniformDouble(from: Double, to: Double) -> Double {
        let x = Double(random64() & 0x001f_ffff_ffff_ffff) * 0x1p-53
        return from.addingProduct(x, to - from)
    }

    /// `normal_distribution<double>` (Box–Muller with one cached sample), the scalar path.
    @inline(__always)
    func normalDouble(mean: Double, std: Double) -> Double {
        if let cached = nextDoubleNormal {
            nextDoubleNormal = nil
            return mean.addingProduct(cached, std)
        }
        let u1 = uniformDouble(from: 0, to: 1)
        let u2 = uniformDouble(from: 0, to: 1)
        let r = (-2.0 * Foundation.log1p(-u2)).squareRoot()
        let theta = 2.0 * Double.pi * u1
        nextDoubleNormal = r * Foundation.sin(theta)
        let ret = r * Foundation.cos(theta)
        return mean.addingProduct(ret, std)
    }

    /// `uniform_int_from_to_distribution`: 32-bit draw below 2^28, 64-bit draw above.
    @inline(__always)
    func randomFromTo(range: UInt64, base: Int64) -> Int64 {
        let v: UInt64 = range >= (1 << 28) ? random64() : UInt64(random())
        return Int64(bitPattern: (v % range) &+ UInt64(bitPattern: base))
    }

    // MARK: fills

    /// `uniform_(from, to)` on float32 (also `rand`, `nn.init.uniform_`, `kaiming_uniform_`).
    public func fillUniform(_ p: UnsafeMutablePointer<Float>, count: Int, from: Double, to: Double) {
        let f = Float(from), t = Float(to)
        withLock {
            for i in 0..<count {
                let v = uniformFloat(from: f, to: t)
                p[i] = v == t ? f : v
            }
        }
    }

    /// `uniform_(from, to)` on float64.
    public func fillUniform(_ p: UnsafeMutablePointer<Double>, count: Int, from: Double, to: Double) {
        withLock {
            for i in 0..<count {
                let v = uniformDouble(from: from, to: to)
                p[i] = v == to ? from : v
            }
        }
    }

    /// `random_(from, to)` / `randint(low, high)`: values in [from, to) as Int64, written through `store`.
    /// The caller has checked `from < to`.
    public func fillRandom(count: Int, from: Int64, to: Int64, _ store: (Int, Int64) -> Void) {
        let range = UInt64(bitPattern: to &- from)
        withLock {
            for i in 0..<count { store(i, randomFromTo(range: range, base: from)) }
        }
    }

    /// `random_(from, to)` into an Int64 buffer.
    public func fillRandom(_ p: UnsafeMutablePointer<Int64>, count: Int, from: Int64, to: Int64) {
        fillRandom(count: count, from: from, to: to) { p[$0] = $1 }
    }

    /// `normal_(mean, std)` / `randn` on float32. `contiguous` selects PyTorch's path: a contiguous
    /// tensor of 16 or more elements is filled 16 at a time (AVX2 Box–Muller), anything else draws
    /// doubles one by one with the cached second sample.
    public func fillNormal(_ p: UnsafeMutablePointer<Float>, count: Int, mean: Double, std: Double, contiguous: Bool = true) {
        withLock {
            if count >= 16 && contiguous {
                for i in 0..<count { p[i] = uniformFloat(from: 0, to: 1) }
                let m = Float(mean), s = Float(std)
                var i = 0
                while i < count - 15 {
                    NormalFill16.float(p + i, mean: m, std: s)
                    i += 16
                }
                if count % 16 != 0 {
                    let tail = p + count - 16
                    for j in 0..<16 { tail[j] = uniformFloat(from: 0, to: 1) }
                    NormalFill16.float(tail, mean: m, std: s)
                }
            } else {
                for i in 0..<count { p[i] = Float(normalDouble(mean: mean, std: std)) }
            }
        }
    }

    /// `normal_(mean, std)` / `randn` on float64.
    public func fillNormal(_ p: UnsafeMutablePointer<Double>, count: Int, mean: Double, std: Double, contiguous: Bool = true) {
        withLock {
            if count >= 16 && contiguous {
                for i in 0..<count { p[i] = uniformDouble(from: 0, to: 1) }
                var i = 0
                while i < count - 15 {
                    NormalFill16.double(p + i, mean: mean, std: std)
                    i += 16
                }
                if count % 16 != 0 {
                    let tail = p + count - 16
                    for j in 0..<16 { tail[j] = uniformDouble(from: 0, to: 1) }
                    NormalFill16.double(tail, mean: mean, std: std)
                }
            } else {
                for i in 0..<count { p[i] = normalDouble(mean: mean, std: std) }
            }
        }
    }

    /// `bernoulli_(p)` with a scalar probability (what `dropout` uses): one 53-bit uniform double
    /// per element, success when `u < p`. Written through `store` as 0/1.
    /// (Recorded on this machine: PyTorch takes the generic kernel, not MKL's MCG31 stream.)
    public func fillBernoulli(count: Int, p: Double, _ store: (Int, Bool) -> Void) {
        withLock {
            for i in 0..<count { store(i, uniformDouble(from: 0, to: 1) < p) }
        }
    }

    /// `bernoulli_(p_tensor)` / `torch.bernoulli(probs)`: per-element probabilities. A float64
    /// probability draws a 53-bit double, any other a 24-bit float (`bernoulli_distribution<float>`).
    public func fillBernoulli(count: Int, probabilityIsDouble: Bool, probability: (Int) -> Double,
                              _ store: (Int, Bool) -> Void) {
        withLock {
            for i in 0..<count {
                let pv = probability(i)
                if probabilityIsDouble {
                    store(i, uniformDouble(from: 0, to: 1) < pv)
                } else {
                    store(i, uniformFloat(from: 0, to: 1) < Float(pv))
                }
            }
        }
    }

    /// `randperm(n)` on CPU: Fisher–Yates from the front with `random() % (n - i)`
    /// (64-bit draws once n is too large for 32-bit ones).
    public func randperm(_ n: Int) -> [Int64] {
        var r = (0..<max(n, 0)).map { Int64($0) }
        guard n > 1 else { return r }
        withLock {
            let small = n < Int(UInt32.max / 20)
            for i in 0..<(n - 1) {
                let span = UInt64(n - i)
                let z = Int((small ? UInt64(random()) : random64()) % span)
                r.swapAt(i, i + z)
            }
        }
        return r
    }
}

