import Testing
@testable import MiniTorch

/// Float sums follow PyTorch's cascade order, so they round like PyTorch. Input: v[i] = Float((i * 7919) % 1000) / 997 - 0.5
/// in float32; expected values recorded with torch 2.15.0 (2 threads) by this snippet:
///   i = np.arange(n); v = (np.float32((i*7919)%1000)/np.float32(997)-np.float32(0.5)).astype(np.float32)
///   torch.tensor(v).sum().item(), .mean().item(), reshape(64,1000).sum(1) / .sum(0), reshape(3,37,5).sum(1),
///   torch.tensor(v).double().mul(1.1).sum()
@Suite struct ReduceCascadeTests {
    static func gen(_ n: Int) -> [Float] { (0..<n).map { Float(($0 * 7919) % 1000) / Float(997) - Float(0.5) } }

    @Test func fullSums() throws {
        let cases: [(Int, Double, Double)] = [(10, 0.37111327052116394, 0.037111327052116394),
                                             (1000, 1.0030088424682617, 0.0010030088014900684),
                                             (5000, 5.0150465965271, 0.0010030092671513557),
                                             (100000, 100.30094909667969, 0.0010030094999819994)]
        for (n, s, m) in cases {
            let x = Tensor(Self.gen(n))
            #expect(try x.sum().item().asDouble == s, "n=\(n)")
            #expect(try x.mean().item().asDouble == m, "n=\(n)")
        }
    }
    @Test func dimSums() throws {
        let x = Tensor(Self.gen(64000), shape: [64, 1000])
        #expect(Array(try x.sum(1).toDoubleArray().prefix(4)) == [1.0030088424682617, 1.0030088424682617, 1.0030088424682617, 1.0030088424682617])
        #expect(Array(try x.sum(0).toDoubleArray().prefix(4)) == [-32.0, 26.992979049682617, 21.793384552001953, 16.593780517578125])
        let y = Tensor(Self.gen(3 * 37 * 5), shape: [3, 37, 5])
        #expect(Array(try y.sum(1).toDoubleArray().prefix(6)) == [-0.1750251054763794, -0.17201590538024902, -0.16900694370269775, -0.16599798202514648, -0.16298899054527283, 0.3816448450088501])
        let d = try Tensor(Self.gen(1000)).to(.float64).mul(.double(1.1)).sum()
        #expect(try d.item().asDouble == 1.103310218453408)
    }
}
