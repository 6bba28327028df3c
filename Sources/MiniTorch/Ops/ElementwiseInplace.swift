/// In-place updates through autograd: every `op_` computes its result out of place from a snapshot of the old
/// value (so backward closures never see overwritten data), writes it back, bumps the version counter, and moves
/// the graph: onto self, or — when self is a view — onto its base as PyTorch's `CopySlices`.

extension Tensor {
    /// A copy of self standing in for its old value in a graph.
    func inplaceSnapshot() -> Tensor {
        let c = materialized()
        c.device = device
        c.gradFn = gradFn; c.outputNr = outputNr; c.requiresGrad = requiresGrad
        if gradFn == nil && requiresGrad { _ = gradientEdge }
        c.gradAccumulatorCache = gradAccumulatorCache
        return c
    }

    /// PyTorch's leaf checks for in-place ops (only while grad mode is on).
    func checkInplace() throws {
        guard GradMode.isEnabled else { return }
        if let b = base, b.isLeaf && b.requiresGrad {
            throw TensorError.runtime("a view of a leaf Variable that requires grad is being used in an in-place operation.")
        }
        if isLeaf && requiresGrad {
            throw TensorError.runtime("a leaf Variable that requires grad is being used in an in-place operation.")
        }
    }

    /// PyTorch's `assert_no_internal_overlap`, run by the in-place ops that write through TensorIterator, `copy_`,
    /// `scatter*_` and `index_add_` (not by `fill_`/`zero_`, which may write one location twice harmlessly): a
    /// dimension of size > 1 with stride 0 (an `expand`ed view) would make several elements one memory location.
    func checkNoInternalOverlap() throws {
        for (size, stride) in zip(shape, strides) where size > 1 && stride == 0 {
            throw TensorError.runtime("unsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.")
        }
    }

    /// Writes `result` (computed out of place) into self with PyTorch's output dtype and shape checks.
    public func commitInplace(_ result: Tensor) throws {
        guard DType.canCast(from: result.dtype, to: dtype) else {
            throw TensorError.runtime("result type \(result.dtype.scalarTypeName) can't be cast to the desired output type \(dtype.scalarTypeName)")
        }
        guard result.shape == shape else {
            throw TensorError.runtime("output with shape \(shapeString(shape)) doesn't match the broadcast shape \(shapeString(result.shape))")
        }
        try assignElements(from: result)
        bumpVersion()
    }

    /// Runs an in-place update: `compute(old)` returns the new value (recording its node when grad is needed).
    public func runInplace(operands: [Tensor], _ compute: (Tensor) throws -> Tensor) throws {
        try checkInplace()
        let recording = GradMode.isEnabled && (requiresGrad || (base?.requiresGrad ?? false) || operands.contains { $0.requiresGrad })
        let old = recording ? inplaceSnapshot() : self
        let r = try compute(old)
        try commitInplace(r)
        guard recording, let node = r.gradFn else { return }
        if let b = base {
            b.rebaseHistory(view: self, node: node)
        } else {
            gradFn = node; outputNr = r.outputNr; requiresGrad = true
        }
    }

    /// Base-linear positions of a view's elements (row-major over the view).
    func positionsInBase(of view: Tensor) -> [Int] {
        var map: [Int: Int] = [:]
        for (i, o) in layout.storageIndices().enumerated() where map[o] == nil { map[o] = i }
        return view.layout.storageIndices().map { map[$0] ?? 0 }
    }

    /// `CopySlices`: self (a base) gets a node that routes the region of `view` through `node` (the in-place op's
    /// backward, whose first input was the view's old value) and the rest of the gradient to self's old history.
    func rebaseHistory(view: Tensor, node: Node) {
        let positions = positionsInBase(of: view)
        let bShape = shape, vShape = view.shape
        let baseEdge = gradientEdge
        let cs = FunctionNode(name: "CopySlices", nextFunctions: [baseEdge] + Array(node.nextFunctions.dropFirst())) { g in
            guard let G = g[0] else { return [nil] + node.nextFunctions.dropFirst().map { _ in nil } }
            let gb = G.materialized()
            let gv = Tensor(zeros: vShape, dtype: gb.dtype, device: gb.device)
            let isz = gb.dtype.itemSize
            for (i, p) in positions.enumerated() {
                (gv.storage.raw + i * isz).copyMemory(from: gb.storage.raw + p * isz, byteCount: isz)
            }
            let res = try node.apply([gv])
            if let r0o = res.first, let r0 = r0o {
                let rc = r0.materialized(dtype: gb.dtype)
                for (i, p) in positions.enumerated() {
                    (gb.storage.raw + p * isz).copyMemory(from: rc.storage.raw + i * isz, byteCount: isz)
                }
            } else {
                for p in positions { memsetZero(gb.storage.raw + p * isz, isz) }
            }
            return [gb] + Array(res.dropFirst())
        }
        gradFn = cs; outputNr = 0; requiresGrad = true
        // The view now reads from the new base.
        let vnode = FunctionNode(name: "AsStridedBackward0", nextFunctions: [(cs, 0)]) { g in
            guard let gv0 = g[0] else { return [nil] }
            let gv = gv0.materialized()
            let z = Tensor(zeros: bShape, dtype: gv.dtype, device: gv.device)
            let isz = gv.dtype.itemSize
            for (i, p) in positions.enumerated() {
                (z.storage.raw + p * isz).copyMemory(from: gv.storage.raw + i * isz, byteCount: isz)
            }
            return [z]
        }
        view.gradFn = vnode; view.outputNr = 0; view.requiresGrad = true
    }
}

@inline(__always) func memsetZero(_ p: UnsafeMutableRawPointer, _ n: Int) {
    for k in 0..<n { p.storeBytes(of: 0, toByteOffset: k, as: UInt8.self) }
}
