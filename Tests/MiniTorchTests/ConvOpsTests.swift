import Testing
@testable import MiniTorch

/// F.unfold / F.fold / max_pool2d / avg_pool2d as tensor ops. Expected values and messages: PyTorch 2.15
/// (conformance ids im2col/01-05, conv/06, and the snippets in comments run with /work/venv/bin/python).
@Suite struct ConvOpsTests {
    func seq(_ s: Int...) -> Tensor { Tensor((0..<s.reduce(1, *)).map { Float($0) }, shape: s) }
    func ones(_ s: Int...) -> Tensor { Tensor([Float](repeating: 1, count: s.reduce(1, *)), shape: s) }
    func rt(_ m: String) -> TensorError { .runtime(m) }

    // im2col/01: F.unfold(torch.arange(16.).reshape(1, 1, 4, 4), kernel_size=2)
    @Test func unfoldFold() throws {
        let cols = try seq(1, 1, 4, 4).unfold2d(kernel: (2, 2))
        #expect(cols.shape == [1, 4, 9])
        #expect(cols.toDoubleArray() == [0, 1, 2, 4, 5, 6, 8, 9, 10, 1, 2, 3, 5, 6, 7, 9, 10, 11,
                                         4, 5, 6, 8, 9, 10, 12, 13, 14, 5, 6, 7, 9, 10, 11, 13, 14, 15])
        // im2col/03: F.unfold(torch.arange(50.).reshape(2, 1, 5, 5), kernel_size=(2, 3), dilation=(2, 1)).shape
        #expect(try seq(2, 1, 5, 5).unfold2d(kernel: (2, 3), dilation: (2, 1)).shape == [2, 6, 9])
        // im2col/05: F.fold(F.unfold(torch.ones(1, 1, 3, 3), 2), output_size=(3, 3), kernel_size=2)
        let f = try ones(1, 1, 3, 3).unfold2d(kernel: (2, 2)).fold2d(outputSize: (3, 3), kernel: (2, 2))
        #expect(f.shape == [1, 1, 3, 3] && f.toDoubleArray() == [1, 2, 1, 2, 4, 2, 1, 2, 1])
        // unbatched: F.unfold(torch.ones(1, 4, 4), 2).shape -> (4, 9); F.fold(torch.ones(4, 9), (4, 4), 2).shape -> (1, 4, 4)
        #expect(try ones(1, 4, 4).unfold2d(kernel: (2, 2)).shape == [4, 9])
        #expect(try ones(4, 9).fold2d(outputSize: (4, 4), kernel: (2, 2)).shape == [1, 4, 4])
        let x = ones(1, 1, 4, 4)
        try x.setRequiresGrad(true)
        #expect(try x.unfold2d(kernel: (2, 2)).gradFn?.name == "Im2ColBackward0")
        let c = ones(1, 4, 9)
        try c.setRequiresGrad(true)
        #expect(try c.fold2d(outputSize: (4, 4), kernel: (2, 2)).gradFn?.name == "Col2ImBackward0")
    }

    // im2col/04: (w.view(3, -1) @ F.unfold(x, 2)).view(1, 3, 3, 3) equals F.conv2d(x, w); the reference agrees
    @Test func unfoldThenMatmulIsConvolution() throws {
        let x = seq(1, 2, 4, 4)
        let w = try seq(3, 2, 2, 2).sub(.int(10))
        let out = try w.view([3, -1]).matmul(x.unfold2d(kernel: (2, 2))).view([1, 3, 3, 3])
        #expect(Array(out.toDoubleArray().prefix(3)) == [-400, -452, -504])
        #expect(out.toDoubleArray() == (try Tensor.conv2dReference(x, w).toDoubleArray()))
    }

    @Test func unfoldFoldErrors() {
        #expect(throws: TensorError.index("Dimension out of range (expected to be in range of [-2, 1], but got 2)")) { try ones(4, 4).unfold2d(kernel: (2, 2)) }
        #expect(throws: rt("Given input with spatial size (4, 4), kernel_size=(5, 5), dilation=(1, 1), padding=(0, 0), calculated shape of the array of sliding blocks as (0, 0), but its components must be at least one.")) {
            try ones(1, 1, 4, 4).unfold2d(kernel: (5, 5))
        }
        #expect(throws: rt("stride should be greater than zero, but got stride_height: 0 stride_width: 0")) { try ones(1, 1, 4, 4).unfold2d(kernel: (2, 2), stride: (0, 0)) }
        #expect(throws: rt("padding should be non-negative, but got pad_height: -1 pad_width: -1")) { try ones(1, 1, 4, 4).unfold2d(kernel: (2, 2), padding: (-1, -1)) }
        #expect(throws: rt("kernel size should be greater than zero, but got kernel_height: 0 kernel_width: 0")) { try ones(1, 1, 4, 4).unfold2d(kernel: (0, 0)) }
        #expect(throws: rt("dilation should be greater than zero, but got dilation_height: 0 dilation_width: 0")) { try ones(1, 1, 4, 4).unfold2d(kernel: (2, 2), dilation: (0, 0)) }
        #expect(throws: rt("Expected 2D or 3D (batch mode) tensor for input with possibly 0 batch size and non-zero dimensions for input, but got: [1, 1, 4, 9]")) {
            try ones(1, 1, 4, 9).fold2d(outputSize: (4, 4), kernel: (2, 2))
        }
        #expect(throws: rt("Expected size of input's dimension 1 to be divisible by the product of kernel_size, but got input.size(1)=5 and kernel_size=(2, 2).")) {
            try ones(1, 5, 9).fold2d(outputSize: (4, 4), kernel: (2, 2))
        }
        #expect(throws: rt("Given output_size=(4, 4), kernel_size=(2, 2), dilation=(1, 1), padding=(0, 0), stride=(1, 1), expected size of input's dimension 2 to match the calculated number of sliding blocks 3 * 3 = 9, but got input.size(2)=8.")) {
            try ones(1, 4, 8).fold2d(outputSize: (4, 4), kernel: (2, 2))
        }
        #expect(throws: rt("Given output_size=(1, 1), kernel_size=(2, 2), dilation=(1, 1), padding=(0, 0), stride=(1, 1), expected size of input's dimension 2 to match the calculated number of sliding blocks 0 * 0 = 0, but got input.size(2)=9.")) {
            try ones(1, 4, 9).fold2d(outputSize: (1, 1), kernel: (2, 2))
        }
    }

    // conv/06 and probes
    @Test func pooling() throws {
        let x = seq(1, 1, 4, 4)
        let (v, i) = try x.maxPool2dWithIndices(kernel: (2, 2))
        #expect(v.toDoubleArray() == [5, 7, 13, 15] && i.toInt64Array() == [5, 7, 13, 15] && i.dtype == .int64)
        #expect(try x.avgPool2d(kernel: (2, 2)).toDoubleArray() == [2.5, 4.5, 10.5, 12.5])
        #expect(try x.maxPool2d(kernel: (3, 3), stride: (1, 1)).toDoubleArray() == [10, 11, 14, 15])
        // F.avg_pool2d(torch.arange(25.).reshape(1, 1, 5, 5), 2, ceil_mode=True) first row [3.0, 5.0, 6.5]
        #expect(Array(try seq(1, 1, 5, 5).avgPool2d(kernel: (2, 2), ceilMode: true).toDoubleArray().prefix(3)) == [3, 5, 6.5])
        // F.avg_pool2d(torch.arange(16.).reshape(1, 1, 4, 4), 3, stride=2, padding=1, count_include_pad=False) -> [[2.5, 4], [8.5, 10]]
        #expect(try x.avgPool2d(kernel: (3, 3), stride: (2, 2), padding: (1, 1), countIncludePad: false).toDoubleArray() == [2.5, 4, 8.5, 10])
        #expect(try x.maxPool2d(kernel: (2, 2), dilation: (2, 2)).shape == [1, 1, 1, 1])
        let g = ones(1, 1, 4, 4)
        try g.setRequiresGrad(true)
        #expect(try g.maxPool2d(kernel: (2, 2)).gradFn?.name == "MaxPool2DWithIndicesBackward0")
        #expect(try g.avgPool2d(kernel: (2, 2)).gradFn?.name == "AvgPool2DBackward0")
    }

    @Test func poolingErrors() {
        let x = ones(1, 1, 4, 4)
        #expect(throws: rt("pad should be at most half of effective kernel size, but got pad=2, kernel_size=2 and dilation=1")) { try x.maxPool2d(kernel: (2, 2), padding: (2, 2)) }
        #expect(throws: rt("pad should be at most half of effective kernel size, but got pad=2, kernel_size=2 and dilation=1")) { try x.avgPool2d(kernel: (2, 2), padding: (2, 2)) }
        #expect(throws: rt("Given input size: (1x4x4). Calculated output size: (1x0x0). Output size is too small")) { try x.maxPool2d(kernel: (5, 5)) }
        #expect(throws: rt("Given input size: (1x4x4). Calculated output size: (1x0x0). Output size is too small")) { try x.avgPool2d(kernel: (5, 5)) }
        #expect(throws: rt("non-empty 3D or 4D (batch mode) tensor expected for input")) { try ones(4, 4).maxPool2d(kernel: (2, 2)) }
        #expect(throws: rt("non-empty 3D or 4D (batch mode) tensor expected for input")) { try ones(1, 1, 1, 4, 4).maxPool2d(kernel: (2, 2)) }
        #expect(throws: TensorError.index("Dimension out of range (expected to be in range of [-2, 1], but got -3)")) { try ones(4, 4).avgPool2d(kernel: (2, 2)) }
        #expect(throws: rt("stride should not be zero")) { try x.maxPool2d(kernel: (2, 2), stride: (0, 0)) }
    }
}
