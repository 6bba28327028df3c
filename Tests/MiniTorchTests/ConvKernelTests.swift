import Testing
@testable import MiniTorch

/// im2col/col2im, conv2d (im2col + GEMM vs the naive loop) and pooling on raw buffers.
/// Literal expectations are PyTorch 2.15 outputs from ../shared/conformance/torch.jsonl (ids in comments).
@Suite struct ConvKernelTests {
    func seq(_ n: Int, _ start: Double = 0) -> [Double] { (0..<n).map { Double($0) + start } }

    func pseudo(_ n: Int, seed: UInt64) -> [Double] {
        var s = seed
        return (0..<n).map { _ in
            s = s &* 6364136223846793005 &+ 1442695040888963407
            return Double(Int(s >> 40) % 9 - 4) // small integers: exact in float and double
        }
    }

    // im2col/02: F.unfold(torch.arange(18.).reshape(1, 2, 3, 3), kernel_size=2, padding=1, stride=2)
    @Test func unfoldMatchesPyTorch() {
        let x = seq(18)
        let w = Window2D(kernel: (2, 2), stride: (2, 2), padding: (1, 1))
        var cols = [Double](repeating: -1, count: 8 * 4)
        x.withUnsafeBufferPointer { xp in cols.withUnsafeMutableBufferPointer { cp in
            ConvKernels.im2col(xp.baseAddress!, channels: 2, height: 3, width: 3, window: w, into: cp.baseAddress!)
        } }
        #expect(cols == [0, 0, 0, 4, 0, 0, 3, 5, 0, 1, 0, 7, 0, 2, 6, 8,
                         0, 0, 0, 13, 0, 0, 12, 14, 0, 10, 0, 16, 9, 11, 15, 17])
    }

    // im2col/03: F.unfold(torch.arange(50.).reshape(2, 1, 5, 5), 3, stride=2)[1]
    @Test func unfoldStrided() {
        let x = seq(25, 25)
        let w = Window2D(kernel: (3, 3), stride: (2, 2))
        var cols = [Double](repeating: -1, count: 9 * 4)
        x.withUnsafeBufferPointer { xp in cols.withUnsafeMutableBufferPointer { cp in
            ConvKernels.im2col(xp.baseAddress!, channels: 1, height: 5, width: 5, window: w, into: cp.baseAddress!)
        } }
        #expect(cols == [25, 27, 35, 37, 26, 28, 36, 38, 27, 29, 37, 39, 30, 32, 40, 42, 31, 33, 41, 43,
                         32, 34, 42, 44, 35, 37, 45, 47, 36, 38, 46, 48, 37, 39, 47, 49])
        #expect(Window2D(kernel: (2, 3), dilation: (2, 1)).outputSize(height: 5, width: 5) == (3, 3))
    }

    // im2col/05: F.fold(F.unfold(torch.ones(1, 1, 3, 3), kernel_size=2), output_size=(3, 3), kernel_size=2)
    @Test func foldSumsOverlaps() {
        let w = Window2D(kernel: (2, 2))
        let cols = [Double](repeating: 1, count: 4 * 4)
        var out = [Double](repeating: 0, count: 9)
        cols.withUnsafeBufferPointer { cp in out.withUnsafeMutableBufferPointer { op in
            ConvKernels.col2im(cp.baseAddress!, channels: 1, height: 3, width: 3, window: w, addingInto: op.baseAddress!)
        } }
        #expect(out == [1, 2, 1, 2, 4, 2, 1, 2, 1])
    }

    func conv(_ s: ConvKernels.ConvShape, _ x: [Double], _ w: [Double], _ b: [Double]?, naive: Bool) -> [Double] {
        var out = [Double](repeating: .nan, count: s.batch * s.outChannels * s.out.h * s.out.w)
        x.withUnsafeBufferPointer { xp in w.withUnsafeBufferPointer { wp in out.withUnsafeMutableBufferPointer { op in
            if let b {
                b.withUnsafeBufferPointer { bp in
                    if naive { ConvKernels.conv2dNaive(s, input: xp.baseAddress!, weight: wp.baseAddress!, bias: bp.baseAddress!, output: op.baseAddress!) }
                    else { ConvKernels.conv2d(s, input: xp.baseAddress!, weight: wp.baseAddress!, bias: bp.baseAddress!, output: op.baseAddress!) }
                }
            } else if naive {
                ConvKernels.conv2dNaive(s, input: xp.baseAddress!, weight: wp.baseAddress!, bias: nil, output: op.baseAddress!)
            } else {
                ConvKernels.conv2d(s, input: xp.baseAddress!, weight: wp.baseAddress!, bias: nil, output: op.baseAddress!)
            }
        } } }
        return out
    }

    // conv/02: F.conv2d(torch.arange(32.).reshape(1, 2, 4, 4), torch.ones(4, 1, 2, 2), groups=2) and
    //          F.conv2d(x, torch.ones(1, 2, 2, 2), bias=torch.tensor([100.]), dilation=2)
    @Test func groupsAndDilationMatchPyTorch() {
        let x = seq(32)
        let s1 = ConvKernels.ConvShape(batch: 1, inChannels: 2, height: 4, width: 4, outChannels: 4, groups: 2, window: Window2D(kernel: (2, 2)))
        let a: [Double] = [10, 14, 18, 26, 30, 34, 42, 46, 50]
        let b: [Double] = [74, 78, 82, 90, 94, 98, 106, 110, 114]
        #expect(conv(s1, x, [Double](repeating: 1, count: 16), nil, naive: false) == a + a + b + b)
        let s2 = ConvKernels.ConvShape(batch: 1, inChannels: 2, height: 4, width: 4, outChannels: 1, groups: 1,
                                       window: Window2D(kernel: (2, 2), dilation: (2, 2)))
        #expect(conv(s2, x, [Double](repeating: 1, count: 8), [100], naive: false) == [204, 212, 236, 244])
    }

    // conv/01: F.conv2d(torch.arange(25.).reshape(1, 1, 5, 5), sobel, stride=2, padding=1)
    @Test func strideAndPaddingMatchPyTorch() {
        let s = ConvKernels.ConvShape(batch: 1, inChannels: 1, height: 5, width: 5, outChannels: 1, groups: 1,
                                      window: Window2D(kernel: (3, 3), stride: (2, 2), padding: (1, 1)))
        let w: [Double] = [1, 0, -1, 2, 0, -2, 1, 0, -1]
        #expect(conv(s, seq(25), w, nil, naive: false) == [-8, -6, 14, -44, -8, 52, -58, -6, 64])
        #expect(conv(s, seq(25), w, nil, naive: true) == [-8, -6, 14, -44, -8, 52, -58, -6, 64])
    }

    @Test(arguments: [
        (2, 4, 7, 6, 6, 2, (3, 3), (1, 1), (1, 1), (1, 1)),
        (1, 3, 9, 8, 4, 1, (3, 2), (2, 1), (0, 2), (1, 2)),
        (3, 6, 5, 5, 9, 3, (2, 2), (1, 2), (1, 0), (2, 2)),
        (2, 4, 6, 6, 4, 4, (3, 3), (1, 1), (1, 1), (1, 1)),   // depthwise
        (2, 5, 4, 3, 7, 1, (1, 1), (1, 1), (0, 0), (1, 1)),   // pointwise (no im2col)
        (1, 2, 3, 3, 2, 1, (1, 1), (2, 2), (1, 1), (1, 1)),
        // 297 column rows: im2col + GEMM in two channel ranges (17 + 16), images split across the cores (3 over 2)
        (3, 33, 12, 11, 5, 1, (3, 3), (1, 1), (1, 1), (1, 1)),
    ] as [(Int, Int, Int, Int, Int, Int, (Int, Int), (Int, Int), (Int, Int), (Int, Int))])
    func im2colGemmEqualsNaive(_ c: (Int, Int, Int, Int, Int, Int, (Int, Int), (Int, Int), (Int, Int), (Int, Int))) {
        let (n, cin, h, w, cout, groups, k, st, pad, dil) = c
        let s = ConvKernels.ConvShape(batch: n, inChannels: cin, height: h, width: w, outChannels: cout, groups: groups,
                                      window: Window2D(kernel: k, stride: st, padding: pad, dilation: dil))
        let x = pseudo(n * cin * h * w, seed: 1)
        let wt = pseudo(cout * (cin / groups) * k.0 * k.1, seed: 2)
        let bias = pseudo(cout, seed: 3)
        #expect(conv(s, x, wt, bias, naive: false) == conv(s, x, wt, bias, naive: true))
        #expect(conv(s, x, wt, nil, naive: false) == conv(s, x, wt, nil, naive: true))
        // float32 path too
        let xf = x.map(Float.init), wf = wt.map(Float.init)
        var of = [Float](repeating: 0, count: n * cout * s.out.h * s.out.w)
        xf.withUnsafeBufferPointer { xp in wf.withUnsafeBufferPointer { wp in of.withUnsafeMutableBufferPointer { op in
            ConvKernels.conv2d(s, input: xp.baseAddress!, weight: wp.baseAddress!, bias: nil, output: op.baseAddress!)
        } } }
        #expect(of.map(Double.init) == conv(s, x, wt, nil, naive: true))
    }

    // conv/05: x = [[1., 2.], [3., 4.]], w = [[1., -1.]]; y = F.conv2d(x, w); y.sum().backward()
    //          -> x.grad [[1., -1.], [1., -1.]], w.grad [[4., 6.]]
    @Test func backwardMatchesPyTorch() {
        let s = ConvKernels.ConvShape(batch: 1, inChannels: 1, height: 2, width: 2, outChannels: 1, groups: 1, window: Window2D(kernel: (1, 2)))
        let x: [Double] = [1, 2, 3, 4], w: [Double] = [1, -1], go: [Double] = [1, 1]
        var gx = [Double](repeating: 9, count: 4), gw = [Double](repeating: 9, count: 2), gb = [Double](repeating: 9, count: 1)
        go.withUnsafeBufferPointer { gp in
            w.withUnsafeBufferPointer { wp in gx.withUnsafeMutableBufferPointer { p in
                ConvKernels.conv2dBackwardInput(s, gradOutput: gp.baseAddress!, weight: wp.baseAddress!, gradInput: p.baseAddress!) } }
            x.withUnsafeBufferPointer { xp in gw.withUnsafeMutableBufferPointer { p in
                ConvKernels.conv2dBackwardWeight(s, input: xp.baseAddress!, gradOutput: gp.baseAddress!, gradWeight: p.baseAddress!) } }
            gb.withUnsafeMutableBufferPointer { p in ConvKernels.conv2dBackwardBias(s, gradOutput: gp.baseAddress!, gradBias: p.baseAddress!) }
        }
        #expect(gx == [1, -1, 1, -1])
        #expect(gw == [4, 6])
        #expect(gb == [2])
    }

    /// Backward helpers against the adjoint identity  <conv(x, w), g> = <x, ∂x> = <w, ∂w>  (expected: the naive forward).
    @Test func backwardIsTheAdjointOfForward() {
        let s = ConvKernels.ConvShape(batch: 2, inChannels: 4, height: 6, width: 5, outChannels: 6, groups: 2,
                                      window: Window2D(kernel: (3, 2), stride: (2, 1), padding: (1, 1), dilation: (1, 2)))
        let x = pseudo(2 * 4 * 30, seed: 5), w = pseudo(6 * 2 * 6, seed: 6)
        let g = pseudo(2 * 6 * s.out.h * s.out.w, seed: 7)
        let y = conv(s, x, w, nil, naive: true)
        let lhs = zip(y, g).map(*).reduce(0, +)
        var gx = [Double](repeating: 0, count: x.count), gw = [Double](repeating: 0, count: w.count)
        g.withUnsafeBufferPointer { gp in
            w.withUnsafeBufferPointer { wp in gx.withUnsafeMutableBufferPointer { p in
                ConvKernels.conv2dBackwardInput(s, gradOutput: gp.baseAddress!, weight: wp.baseAddress!, gradInput: p.baseAddress!) } }
            x.withUnsafeBufferPointer { xp in gw.withUnsafeMutableBufferPointer { p in
                ConvKernels.conv2dBackwardWeight(s, input: xp.baseAddress!, gradOutput: gp.baseAddress!, gradWeight: p.baseAddress!) } }
        }
        #expect(zip(x, gx).map(*).reduce(0, +) == lhs)
        #expect(zip(w, gw).map(*).reduce(0, +) == lhs)
    }

    // conv/06: x = torch.arange(16.).reshape(1, 1, 4, 4); F.max_pool2d(x, 2); F.avg_pool2d(x, 2); F.max_pool2d(x, 3, stride=1)
    @Test func poolingMatchesPyTorch() {
        let x = seq(16)
        func maxPool(_ w: Window2D) -> ([Double], [Int64]) {
            let oh = PoolKernels.outputSize(4, kernel: w.kernel.h, stride: w.stride.h, padding: w.padding.h, ceilMode: false)
            var o = [Double](repeating: 0, count: oh * oh), i = [Int64](repeating: 0, count: oh * oh)
            x.withUnsafeBufferPointer { xp in o.withUnsafeMutableBufferPointer { op in i.withUnsafeMutableBufferPointer { ip in
                PoolKernels.maxPool2d(xp.baseAddress!, planes: 1, height: 4, width: 4, window: w, outHeight: oh, outWidth: oh,
                                      output: op.baseAddress!, indices: ip.baseAddress!)
            } } }
            return (o, i)
        }
        #expect(maxPool(Window2D(kernel: (2, 2), stride: (2, 2))).0 == [5, 7, 13, 15])
        #expect(maxPool(Window2D(kernel: (2, 2), stride: (2, 2))).1 == [5, 7, 13, 15])
        #expect(maxPool(Window2D(kernel: (3, 3))).0 == [10, 11, 14, 15])
        var avg = [Double](repeating: 0, count: 4)
        x.withUnsafeBufferPointer { xp in avg.withUnsafeMutableBufferPointer { op in
            PoolKernels.avgPool2d(xp.baseAddress!, planes: 1, height: 4, width: 4, window: Window2D(kernel: (2, 2), stride: (2, 2)),
                                  outHeight: 2, outWidth: 2, output: op.baseAddress!)
        } }
        #expect(avg == [2.5, 4.5, 10.5, 12.5])
    }

    // Recorded with PyTorch 2.15: x = torch.arange(16.).reshape(1, 1, 4, 4)
    // F.avg_pool2d(x, 3, stride=2, padding=1) -> tensor([[[[ 1.1111,  2.6667], [ 5.6667, 10.0000]]]])
    // F.avg_pool2d(x, 3, stride=2, padding=1, ceil_mode=True) -> first row [1.1111, 2.6667, 1.6667] (3x3)
    // F.max_pool2d(torch.arange(25.).reshape(1, 1, 5, 5), 2, ceil_mode=True).shape -> torch.Size([1, 1, 3, 3])
    @Test func avgPoolPaddingAndCeilMode() {
        #expect(PoolKernels.outputSize(4, kernel: 3, stride: 2, padding: 1, ceilMode: false) == 2)
        #expect(PoolKernels.outputSize(4, kernel: 3, stride: 2, padding: 1, ceilMode: true) == 3)
        #expect(PoolKernels.outputSize(5, kernel: 2, stride: 2, padding: 0, ceilMode: true) == 3)
        let x = seq(16)
        var o = [Double](repeating: 0, count: 4)
        x.withUnsafeBufferPointer { xp in o.withUnsafeMutableBufferPointer { op in
            PoolKernels.avgPool2d(xp.baseAddress!, planes: 1, height: 4, width: 4,
                                  window: Window2D(kernel: (3, 3), stride: (2, 2), padding: (1, 1)), outHeight: 2, outWidth: 2, output: op.baseAddress!)
        } }
        #expect(o.map { ($0 * 10000).rounded() / 10000 } == [1.1111, 2.6667, 5.6667, 10])
        var o3 = [Double](repeating: 0, count: 9)
        x.withUnsafeBufferPointer { xp in o3.withUnsafeMutableBufferPointer { op in
            PoolKernels.avgPool2d(xp.baseAddress!, planes: 1, height: 4, width: 4,
                                  window: Window2D(kernel: (3, 3), stride: (2, 2), padding: (1, 1)), outHeight: 3, outWidth: 3, output: op.baseAddress!)
        } }
        #expect(o3.prefix(3).map { ($0 * 10000).rounded() / 10000 } == [1.1111, 2.6667, 1.6667])
    }
}
