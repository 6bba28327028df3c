/// Shape, strides (in elements) and offset of a tensor over its Storage: metadata only.
public struct Layout: Equatable, Sendable {
    public var shape: [Int]
    public var strides: [Int]
    public var offset: Int

    public init(shape: [Int], strides: [Int], offset: Int = 0) {
        self.shape = shape; self.strides = strides; self.offset = offset
    }
    /// Row-major contiguous layout.
    public init(contiguous shape: [Int], offset: Int = 0) {
        self.shape = shape; self.strides = Layout.contiguousStrides(shape); self.offset = offset
    }
    public static func contiguousStrides(_ shape: [Int]) -> [Int] {
        var s = [Int](repeating: 1, count: shape.count)
        var acc = 1
        for i in Swift.stride(from: shape.count - 1, through: 0, by: -1) { s[i] = acc; acc *= Swift.max(shape[i], 1) }
        return s
    }
    public var dim: Int { shape.count }
    public var numel: Int { shape.reduce(1, *) }
    /// PyTorch's `is_contiguous()`: sizes of 1 (and empty tensors) ignore strides.
    public var isContiguous: Bool {
        var expected = 1
        for i in Swift.stride(from: shape.count - 1, through: 0, by: -1) {
            if shape[i] == 0 { return true }
            if shape[i] != 1 {
                if strides[i] != expected { return false }
                expected *= shape[i]
            }
        }
        return true
    }
    /// Storage index of the element at a multi-index (no bounds checks).
    @inline(__always) public func storageIndex(_ idx: [Int]) -> Int {
        var o = offset
        for i in 0..<idx.count { o += idx[i] * strides[i] }
        return o
    }
    /// Storage index of the `linear`-th element in row-major order.
    @inline(__always) public func storageIndex(linear: Int) -> Int {
        var o = offset, rem = linear
        for i in Swift.stride(from: shape.count - 1, through: 0, by: -1) {
            let n = shape[i]
            if n > 1 { o += (rem % n) * strides[i]; rem /= n }
        }
        return o
    }
    /// Storage indices of all elements in row-major order.
    public func storageIndices() -> [Int] {
        var out = [Int](); out.reserveCapacity(numel)
        forEachStorageIndex { out.append($0) }
        return out
    }
    /// Visits storage indices in row-major order (odometer, inner loop by stride).
    public func forEachStorageIndex(_ body: (Int) -> Void) {
        let n = numel
        if n == 0 { return }
        let d = shape.count
        if d == 0 { body(offset); return }
        let inner = shape[d - 1], innerStride = strides[d - 1]
        var counter = [Int](repeating: 0, count: d)
        var base = offset
        while true {
            var o = base
            for _ in 0..<inner { body(o); o += innerStride }
            var k = d - 2
            while k >= 0 {
                counter[k] += 1
                base += strides[k]
                if counter[k] < shape[k] { break }
                base -= strides[k] * shape[k]
                counter[k] = 0
                k -= 1
            }
            if k < 0 { return }
        }
    }
}

/// Formats `[2, 3]` the way c10 prints an IntArrayRef.
func shapeString(_ s: [Int]) -> String { "[" + s.map(String.init).joined(separator: ", ") + "]" }

/// Wraps a possibly negative dim into `0..<rank`, with PyTorch's IndexError text.
/// Zero-dim tensors accept -1 and 0 (PyTorch's `wrap_scalar`).
public func wrapDim(_ dim: Int, _ rank: Int) throws -> Int {
    let r = Swift.max(rank, 1)
    guard dim >= -r && dim < r else {
        throw TensorError.index("Dimension out of range (expected to be in range of [\(-r), \(r - 1)], but got \(dim))")
    }
    return dim < 0 ? dim + r : dim
}
