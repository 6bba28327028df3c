/// Shared by a tensor and its views: bumped by every in-place op (autograd checks saved tensors against it).
public final class VersionCounter: @unchecked Sendable {
    public var value: Int = 0
    public init() {}
}

/// A strided view over a Storage. A reference type: Python identity, in-place ops mutate it.
public final class Tensor {
    public var storage: Storage { didSet { if device.isCuda { storage.place(on: device) } } }
    public var layout: Layout
    public var device: Device { didSet { if device.isCuda { storage.place(on: device) } } }
    /// `requires_grad` (use `setRequiresGrad` for PyTorch's checks).
    public var requiresGrad: Bool = false
    /// `.grad`
    public var grad: Tensor?
    /// `.grad_fn` (nil for leaves).
    public var gradFn: Node?
    /// Which output of `gradFn` this tensor is.
    public var outputNr: Int = 0
    /// `retain_grad()` was called on this non-leaf.
    public var retainsGrad: Bool = false
    /// Shared with views (`_version`).
    public var versionCounter: VersionCounter
    /// The tensor this one is a view of (`._base`), if any.
    public var base: Tensor?
    /// A Python number wrapped into a 0-dim tensor (takes part in type promotion as a scalar).
    public var isWrappedNumber: Bool = false
    /// True for `nn.Parameter`.
    public var isParameter: Bool = false
    /// Free slot for the autograd engine / nn (hooks, names, ...).
    public var autogradMeta: AnyObject?
    /// Cached AccumulateGrad of a leaf (weak: the graph owns it, like PyTorch).
    public weak var gradAccumulatorCache: AccumulateGrad?

    public init(storage: Storage, layout: Layout, device: Device = .cpu, versionCounter: VersionCounter = VersionCounter()) {
        self.storage = storage
        self.layout = layout
        self.device = device
        self.versionCounter = versionCounter
        if device.isCuda { storage.place(on: device) }
    }
    /// A new zero-filled contiguous tensor.
    public convenience init(zeros shape: [Int], dtype: DType, device: Device = .cpu) {
        let l = Layout(contiguous: shape)
        self.init(storage: Storage(dtype: dtype, count: l.numel), layout: l, device: device)
    }

    // MARK: metadata

    public var dtype: DType { storage.dtype }
    public var shape: [Int] { layout.shape }
    public var strides: [Int] { layout.strides }
    public var storageOffset: Int { layout.offset }
    public var dim: Int { layout.shape.count }
    public var numel: Int { layout.numel }
    public var isContiguous: Bool { layout.isContiguous }
    public var isLeaf: Bool { gradFn == nil }
    public var isCuda: Bool { device.isCuda }
    public var version: Int { versionCounter.value }
    /// Marks an in-place modification.
    public func bumpVersion() { versionCounter.value += 1 }

    /// `size(d)` with negative dims and PyTorch's IndexError.
    public func size(_ d: Int) throws -> Int { shape[try wrapDim(d, dim)] }
    public func stride(_ d: Int) throws -> Int { strides[try wrapDim(d, dim)] }

    /// `requires_grad_()` / `requires_grad = ...` with PyTorch's checks.
    /// `x.requires_grad = flag` (PyTorch's THPVariable_set_requires_grad wording).
    public func setRequiresGrad(_ flag: Bool) throws {
        if flag && !dtype.isFloatingPoint {
            throw TensorError.runtime("only Tensors of floating point and complex dtype can require gradients")
        }
        if !flag && !isLeaf {
            throw TensorError.runtime("you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().")
        }
        requiresGrad = flag
    }

    /// `requires_grad=True` of a factory function (`torch.zeros(..., requires_grad=True)`, `torch.tensor`,
    /// `Variable`): PyTorch words this check with a capital "Only".
    public func setRequiresGradForFactory(_ flag: Bool) throws {
        if flag && !dtype.isFloatingPoint {
            throw TensorError.runtime("Only Tensors of floating point and complex dtype can require gradients")
        }
        try setRequiresGrad(flag)
    }

    /// A view over the same storage (shares version counter; records `base`).
    public func makeView(_ l: Layout) -> Tensor {
        let t = Tensor(storage: storage, layout: l, device: device, versionCounter: versionCounter)
        t.base = base ?? self
        return t
    }

    // MARK: element access

    /// Typed pointer to this tensor's first element (storage pointer + offset). Caller must match `dtype`.
    @inline(__always) public func dataPointer<T>(_: T.Type) -> UnsafeMutablePointer<T> {
        storage.pointer(T.self) + layout.offset
    }
    /// Storage indices of all elements in row-major order.
    public func storageIndices() -> [Int] { layout.storageIndices() }

    /// Elements as Double, row-major (for printing, tests, small data).
    public func toDoubleArray() -> [Double] {
        var out = [Double](); out.reserveCapacity(numel)
        let s = storage
        layout.forEachStorageIndex { out.append(s.readDouble($0)) }
        return out
    }
    public func toInt64Array() -> [Int64] {
        var out = [Int64](); out.reserveCapacity(numel)
        let s = storage
        layout.forEachStorageIndex { out.append(s.readInt64($0)) }
        return out
    }
    public func toBoolArray() -> [Bool] {
        var out = [Bool](); out.reserveCapacity(numel)
        let s = storage
        layout.forEachStorageIndex { out.append(s.readBool($0)) }
        return out
    }
    public func toScalarArray() -> [Scalar] {
        var out = [Scalar](); out.reserveCapacity(numel)
        let s = storage
        layout.forEachStorageIndex { out.append(s.readScalar($0)) }
        return out
    }
    /// Element at a row-major position.
    public func scalar(atLinear i: Int) -> Scalar { storage.readScalar(layout.storageIndex(linear: i)) }

    /// `item()`: the only element as a Python number.
    public func item() throws -> Scalar {
        guard numel == 1 else {
            throw TensorError.runtime("a Tensor with \(numel) elements cannot be converted to Scalar")
        }
        return storage.readScalar(layout.storageIndex(linear: 0))
    }

    /// `tolist()`: nested lists of Python numbers (a bare number for 0-dim tensors).
    public func tolist() -> NestedData {
        let flat = toScalarArray()
        if dim == 0 { return flat.first.map(NestedData.scalar) ?? .list([]) }
        var pos = 0
        func build(_ d: Int) -> NestedData {
            if d == dim - 1 {
                let n = shape[d]
                let items = flat[pos..<pos + n].map(NestedData.scalar)
                pos += n
                return .list(items)
            }
            return .list((0..<shape[d]).map { _ in build(d + 1) })
        }
        return build(0)
    }
}

/// Nested Python lists of numbers: input of `torch.tensor(...)`, output of `tolist()`.
public indirect enum NestedData: Equatable, CustomStringConvertible {
    case scalar(Scalar)
    case list([NestedData])
    /// Python's repr: `[[1.0, 2.0], [3.0, 4.0]]`.
    public var description: String {
        switch self {
        case .scalar(let s): return s.description
        case .list(let l): return "[" + l.map { $0.description }.joined(separator: ", ") + "]"
        }
    }
}
