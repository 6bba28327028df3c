import Testing
@testable import MiniTorch

/// Buffer-level helpers for the recorded RNG tests: fill a buffer from a generator and return bit patterns.
enum RNGCheck {
    static func uniformF(_ g: Generator, count: Int, from: Double, to: Double) -> [UInt32] {
        var a = [Float](repeating: 0, count: count)
        a.withUnsafeMutableBufferPointer { g.fillUniform($0.baseAddress!, count: count, from: from, to: to) }
        return a.map(\.bitPattern)
    }
    static func uniformF(seed: UInt64, count: Int, from: Double, to: Double) -> [UInt32] {
        uniformF(Generator(seed: seed), count: count, from: from, to: to)
    }
    static func uniformD(seed: UInt64, count: Int, from: Double, to: Double) -> [UInt64] {
        var a = [Double](repeating: 0, count: count)
        let g = Generator(seed: seed)
        a.withUnsafeMutableBufferPointer { g.fillUniform($0.baseAddress!, count: count, from: from, to: to) }
        return a.map(\.bitPattern)
    }
    static func normalF(_ g: Generator, count: Int, mean: Double, std: Double) -> [UInt32] {
        var a = [Float](repeating: 0, count: count)
        a.withUnsafeMutableBufferPointer { g.fillNormal($0.baseAddress!, count: count, mean: mean, std: std) }
        return a.map(\.bitPattern)
    }
    static func normalF(seed: UInt64, count: Int, mean: Double, std: Double) -> [UInt32] {
        normalF(Generator(seed: seed), count: count, mean: mean, std: std)
    }
    static func normalD(seed: UInt64, count: Int, mean: Double, std: Double) -> [UInt64] {
        var a = [Double](repeating: 0, count: count)
        let g = Generator(seed: seed)
        a.withUnsafeMutableBufferPointer { g.fillNormal($0.baseAddress!, count: count, mean: mean, std: std) }
        return a.map(\.bitPattern)
    }
    static func randint(_ g: Generator, count: Int, from: Int64, to: Int64) -> [Int64] {
        var a = [Int64](repeating: 0, count: count)
        a.withUnsafeMutableBufferPointer { g.fillRandom($0.baseAddress!, count: count, from: from, to: to) }
        return a
    }
    static func randint(seed: UInt64, count: Int, from: Int64, to: Int64) -> [Int64] {
        randint(Generator(seed: seed), count: count, from: from, to: to)
    }
    static func bernoulli(seed: UInt64, count: Int, p: Double) -> [Int] {
        var a = [Int](repeating: 0, count: count)
        Generator(seed: seed).fillBernoulli(count: count, p: p) { a[$0] = $1 ? 1 : 0 }
        return a
    }
    static func randperm(seed: UInt64, n: Int) -> [Int64] { Generator(seed: seed).randperm(n) }
}

@Suite struct RandomTests {
    // torch.manual_seed(0); torch.rand(3)  ->  tensor([0.4963, 0.7682, 0.0885])  (SPEC §4 / rng/01)
    @Test func randThreeRoundsToPyTorchsPrint() {
        let g = Generator(seed: 0)
        var a = [Float](repeating: 0, count: 3)
        a.withUnsafeMutableBufferPointer { g.fillUniform($0.baseAddress!, count: 3, from: 0, to: 1) }
        #expect(a.map { ($0 * 10000).rounded() } == [4963, 7682, 885])
    }

    @Test func manualSeedResetsStreamAndCache() {
        let g = Generator(seed: 1)
        let first = RNGCheck.normalF(g, count: 3, mean: 0, std: 1)
        g.manualSeed(UInt64(1))
        #expect(RNGCheck.normalF(g, count: 3, mean: 0, std: 1) == first)
        #expect(g.initialSeed == 1)
        g.manualSeed(Int64(-1))
        #expect(g.initialSeed == UInt64.max)
    }

    @Test func randpermIsAPermutation() {
        let p = Generator(seed: 3).randperm(100)
        #expect(p.sorted() == (0..<100).map { Int64($0) })
        #expect(Generator(seed: 3).randperm(0).isEmpty)
    }
}
