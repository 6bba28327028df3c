/// The backward engine: dependency counting over `Node.nextFunctions`, gradient buffers per node output,
/// accumulation into leaves (`AccumulateGrad`), `retain_grad`, `retain_graph`/`create_graph`, and
/// `torch.autograd.grad`'s capture of input gradients. Single-threaded, like PyTorch's CPU engine.

/// What the engine keeps on a node (in `Node.engineInfo`): versions of the tensors its backward saved,
/// and the non-leaf tensors that asked for `retain_grad()`.
public final class NodeEngineInfo {
    struct Saved {
        let counter: VersionCounter
        let version: Int
        weak var tensor: Tensor?
        let typeString: String
        let shape: [Int]
        /// Set when the node saved one of its own outputs: PyTorch's SavedVariable (is_output) then names
        /// this node in the in-place error even if the tensor's grad_fn changed since (e.g. `b = a.exp(); b.mul_(3)`).
        var outputOf: (nr: Int, name: String)? = nil
    }
    var saved: [Saved] = []
    struct Retained { weak var tensor: Tensor?; let outputNr: Int }
    var retained: [Retained] = []
    init() {}
}

extension Node {
    var info: NodeEngineInfo {
        if let i = engineInfo as? NodeEngineInfo { return i }
        let i = NodeEngineInfo()
        engineInfo = i
        return i
    }
    /// Declares the tensors this node's backward reads, so an in-place change to one of them before
    /// backward raises PyTorch's "modified by an inplace operation" error instead of a wrong gradient.
    /// Call right after `recordAutograd`: `recordAutograd(...)?.saveForBackward([a, out])`.
    public func saveForBackward(_ tensors: [Tensor]) {
        let i = info
        for t in tensors {
            i.saved.append(.init(counter: t.versionCounter, version: t.version, tensor: t,
                                 typeString: t.dtype.typeString, shape: t.shape,
                                 outputOf: t.gradFn === self ? (t.outputNr, name) : nil))
        }
    }
    /// PyTorch's check when a saved variable is unpacked.
    func checkSavedVersions() throws {
        guard let i = engineInfo as? NodeEngineInfo else { return }
        for s in i.saved where s.counter.value != s.version {
            var what = "[\(s.typeString) [\(s.shape.map(String.init).joined(separator: ", "))]]"
            if let o = s.outputOf {
                what += ", which is output \(o.nr) of \(forwardName(o.name)),"
            } else if let t = s.tensor, let f = t.gradFn {
                what += ", which is output \(t.outputNr) of \(forwardName(f.name)),"
            }
            throw TensorError.runtime("one of the variables needed for gradient computation has been modified by an inplace operation: \(what) is at version \(s.counter.value); expected version \(s.version) instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True, check_nan=False).")
        }
    }
}

/// "AddBackward0" → "Add" (how PyTorch names the op in the in-place error).
func forwardName(_ nodeName: String) -> String {
    var s = Substring(nodeName)
    while let last = s.last, last.isNumber { s = s.dropLast() }
    if s.hasSuffix("Backward") { s = s.dropLast("Backward".count) }
    return String(s)
}

/// Nodes whose backward saves no tensor (only sizes or scalars): PyTorch lets a second backward through them
/// succeed, so the engine keeps their closures after a pass without `retain_graph`.
let nodesSavingNoTensors: Set<String> = [
    "AddBackward0", "SubBackward0", "AddBackward1", "SubBackward1", "RsubBackward0", "RsubBackward1",
    "SumBackward0", "SumBackward1", "MeanBackward0", "MeanBackward1", "NegBackward0",
    "ViewBackward0", "UnsafeViewBackward0", "ReshapeAliasBackward0", "ExpandBackward0", "PermuteBackward0",
    "TransposeBackward0", "TBackward0", "UnsqueezeBackward0", "SqueezeBackward0", "SqueezeBackward1",
    "SqueezeBackward2", "SqueezeBackward3", "SqueezeBackward4", "SliceBackward0", "SelectBackward0",
    "CloneBackward0", "CatBackward0", "StackBackward0", "SplitBackward0", "SplitWithSizesBackward0",
    "UnbindBackward0", "ToCopyBackward0", "RepeatBackward0", "AliasBackward0", "FillBackward0",
    "CopyBackwards", "AsStridedBackward0", "NarrowBackward0", "FracBackward0", "FloorBackward0",
    "CeilBackward0", "TruncBackward0", "RoundBackward0", "RoundBackward1", "SignBackward0",
    "FloorDivideBackward0", "ContiguousBackward0", "UnflattenBackward0", "FlipBackward0", "TrilBackward0", "TriuBackward0", "RollBackward0",
]

public enum Autograd {
    static let secondBackward = "Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward."

    /// `torch.autograd.backward(tensors, grad_tensors, retain_graph, create_graph)`.
    public static func backward(_ tensors: [Tensor], gradTensors: [Tensor?]? = nil, retainGraph: Bool? = nil,
                                createGraph: Bool = false) throws {
        let grads = try makeGrads(tensors, gradTensors)
        _ = try run(roots: tensors, grads: grads, inputs: nil, retainGraph: retainGraph ?? createGraph,
                    createGraph: createGraph, allowUnused: true)
    }

    /// `torch.autograd.grad(outputs, inputs, grad_outputs, retain_graph, create_graph, allow_unused)`.
    /// Returns one gradient per input (nil only with `allowUnused`). `.grad` fields are not touched.
    public static func grad(outputs: [Tensor], inputs: [Tensor], gradOutputs: [Tensor?]? = nil,
                            retainGraph: Bool? = nil, createGraph: Bool = false,
                            allowUnused: Bool = false) throws -> [Tensor?] {
        for t in inputs where !t.requiresGrad {
            throw TensorError.runtime("One of the differentiated Tensors does not require grad")
        }
        let grads = try makeGrads(outputs, gradOutputs)
        return try run(roots: outputs, grads: grads, inputs: inputs, retainGraph: retainGraph ?? createGraph,
                       createGraph: createGraph, allowUnused: allowUnused)
    }

    /// `_make_grads`: implicit ones for scalar outputs, shape checks for explicit gradients.
    static func makeGrads(_ outputs: [Tensor], _ given: [Tensor?]?) throws -> [Tensor?] {
        if let g = given, g.count != outputs.count {
            throw TensorError.runtime("grad requires one gradient per output: got \(g.count) tensors and \(outputs.count) gradients")
        }
        var out: [Tensor?] = []
        out.reserveCapacity(outputs.count)
        for (i, o) in outputs.enumerated() {
            if let gi = given?[i] {
                if gi.shape != o.shape {
                    throw TensorError.runtime("Mismatch in shape: grad_output[\(i)] has a shape of \(sizeString(gi.shape)) and output[\(i)] has a shape of \(sizeString(o.shape)).")
                }
                // `_make_grads` only rejects complex/real mismatches (no complex dtypes here); the engine's
                // validate_outputs then casts the gradient to the output's dtype.
                out.append(gi.dtype == o.dtype ? gi : gi.to(o.dtype))
            } else if o.requiresGrad {
                if o.numel != 1 { throw TensorError.runtime("grad can be implicitly created only for scalar outputs") }
                if !o.dtype.isFloatingPoint {
                    throw TensorError.runtime("grad can be implicitly created only for real scalar outputs but got \(o.dtype)")
                }
                out.append(Tensor.onesLike(o))
            } else {
                out.append(nil)
            }
        }
        return out
    }

    static func sizeString(_ s: [Int]) -> String { "torch.Size([\(s.map(String.init).joined(separator: ", "))])" }

    /// The engine proper. `inputs == nil` is `backward()` (accumulate into leaves); otherwise `grad()`.
    static func run(roots: [Tensor], grads: [Tensor?], inputs: [Tensor]?, retainGraph: Bool, createGraph: Bool,
                    allowUnused: Bool) throws -> [Tensor?] {
        // Root edges.
        var rootEdges: [(Node, Int, Tensor?)] = []
        for (i, r) in roots.enumerated() {
            guard let n = r.gradientEdge.0 else {
                throw TensorError.runtime("element \(i) of tensors does not require grad and does not have a grad_fn")
            }
            rootEdges.append((n, r.gradientEdge.1, grads[i]))
        }

        // Discover the graph (iterative DFS; post-order gives children before parents).
        var index: [ObjectIdentifier: Int] = [:]
        var nodes: [Node] = []
        var post: [Int] = []
        var stack: [(Int, Int)] = []   // (node index, next edge to visit)
        func visit(_ n: Node) -> Int? {
            let id = ObjectIdentifier(n)
            if index[id] != nil { return nil }
            let k = nodes.count
            index[id] = k
            nodes.append(n)
            return k
        }
        for (n, _, _) in rootEdges {
            guard let k = visit(n) else { continue }
            stack.append((k, 0))
            while let (k, e) = stack.last {
                let nf = nodes[k].nextFunctions
                if e < nf.count {
                    stack[stack.count - 1].1 = e + 1
                    if let c = nf[e].0, let kc = visit(c) { stack.append((kc, 0)) }
                } else {
                    post.append(k)
                    stack.removeLast()
                }
            }
        }
        let n = nodes.count

        // Which nodes run: all for backward(); for grad() only those leading to an input.
        var capture: [(node: Int, nr: Int)] = []
        var isCapture = [Bool](repeating: false, count: n)
        var execute = [Bool](repeating: true, count: n)
        if let ins = inputs {
            for t in ins {
                let (node, nr) = t.gradientEdge
                if let nd = node, let k = index[ObjectIdentifier(nd)] {
                    capture.append((k, nr)); isCapture[k] = true
                } else {
                    capture.append((-1, nr))
                }
            }
            var reaches = isCapture
            for k in post {   // children first
                var any = false
                for (c, _) in nodes[k].nextFunctions {
                    if let c = c, let kc = index[ObjectIdentifier(c)], reaches[kc] { any = true; break }
                }
                execute[k] = any
                if any { reaches[k] = true }
            }
        }

        // Dependencies: edges from nodes that will run.
        var deps = [Int](repeating: 0, count: n)
        for k in 0..<n where execute[k] {
            for (c, _) in nodes[k].nextFunctions {
                if let c = c, let kc = index[ObjectIdentifier(c)] { deps[kc] += 1 }
            }
        }

        // Gradient buffers, one slot per output number.
        var buffers = [[Tensor?]](repeating: [], count: n)
        func accumulate(_ k: Int, _ nr: Int, _ g: Tensor) throws {
            if buffers[k].count <= nr { buffers[k].append(contentsOf: repeatElement(nil, count: nr + 1 - buffers[k].count)) }
            if let old = buffers[k][nr] { buffers[k][nr] = try old.add(g) } else { buffers[k][nr] = g }
        }
        for (node, nr, g) in rootEdges {
            guard let g = g, let k = index[ObjectIdentifier(node)] else { continue }
            try accumulate(k, nr, g)
        }

        var captured = [Tensor?](repeating: nil, count: capture.count)
        var reached = [Bool](repeating: false, count: n)
        var ready: [Int] = []
        for (node, _, _) in rootEdges {
            if let k = index[ObjectIdentifier(node)], deps[k] == 0, !ready.contains(k) { ready.append(k) }
        }

        try GradMode.with(enabled: createGraph) {
            while let k = ready.popLast() {
                reached[k] = true
                let node = nodes[k]
                let buf = buffers[k]
                buffers[k] = []
                if isCapture[k] {
                    for (ci, c) in capture.enumerated() where c.node == k {
                        if c.nr < buf.count { captured[ci] = buf[c.nr] }
                    }
                }
                guard execute[k] else { continue }
                if let info = node.engineInfo as? NodeEngineInfo, !info.retained.isEmpty {
                    for r in info.retained {
                        guard let t = r.tensor, r.outputNr < buf.count, let g = buf[r.outputNr] else { continue }
                        if let old = t.grad { t.grad = try old.add(g) } else { t.grad = createGraph ? g : g.materialized() }
                    }
                }
                if let acc = node as? AccumulateGrad {
                    if inputs == nil, let g0 = buf.first, let g = g0, let v = acc.variable {
                        try accumulateIntoLeaf(v, g, createGraph: createGraph)
                    }
                    continue
                }
                if buf.allSatisfy({ $0 == nil }) && !node.nextFunctions.isEmpty {
                    // No gradient flows through this node: just release its children.
                    for (c, _) in node.nextFunctions {
                        if let c = c, let kc = index[ObjectIdentifier(c)] {
                            deps[kc] -= 1
                            if deps[kc] == 0 { ready.append(kc) }
                        }
                    }
                    continue
                }
                try node.checkSavedVersions()
                var outs = try node.apply(buf)
                if !retainGraph && !nodesSavingNoTensors.contains(node.name) { node.releaseSavedTensors() }
                let nf = node.nextFunctions
                if outs.count < nf.count { outs.append(contentsOf: repeatElement(nil, count: nf.count - outs.count)) }
                for (i, (c, nr)) in nf.enumerated() {
                    guard let c = c, let kc = index[ObjectIdentifier(c)] else { continue }
                    if var g = outs[i] {
                        if i < node.inputMeta.count {
                            let meta = node.inputMeta[i]
                            if g.shape != meta.shape {
                                do { g = try sumToShape(g, meta.shape) } catch {
                                    throw TensorError.runtime("Function \(node.name) returned an invalid gradient at index \(i) - got \(shapeList(g.shape)) but expected shape compatible with \(shapeList(meta.shape))")
                                }
                            }
                            if g.dtype != meta.dtype && meta.dtype.isFloatingPoint { g = g.to(meta.dtype) }
                        }
                        try accumulate(kc, nr, g)
                    }
                    deps[kc] -= 1
                    if deps[kc] == 0 { ready.append(kc) }
                }
            }
        }

        guard inputs != nil else { return [] }
        if !allowUnused, let ci = captured.firstIndex(where: { $0 == nil }) {
            // PyTorch 2.15 names the index also when there is a single input.
            throw TensorError.runtime("The differentiated Tensor at index \(ci) appears to not have been used in the graph. Set allow_unused=True if this is the desired behavior.")
        }
        return captured
    }

    static func shapeList(_ s: [Int]) -> String { "[" + s.map(String.init).joined(separator: ", ") + "]" }

    /// AccumulateGrad: the first gradient is stored (a private copy), later ones are added in place
    /// (out of place when building a graph of the gradient).
    static func accumulateIntoLeaf(_ v: Tensor, _ g: Tensor, createGraph: Bool) throws {
        var g = g
        if g.dtype != v.dtype { g = g.to(v.dtype) }
        if g.shape != v.shape { g = try sumToShape(g, v.shape) }
        guard let old = v.grad else {
            v.grad = createGraph ? g : g.materialized()
            return
        }
        if createGraph || old.requiresGrad {
            v.grad = try old.add(g)
            return
        }
        if old.dtype == .float32 && g.dtype == .float32 && old.isContiguous && g.isContiguous && old.shape == g.shape {
            let n = old.numel
            let p = old.dataPointer(Float.self), q = g.dataPointer(Float.self)
            for i in 0..<n { p[i] += q[i] }
            old.bumpVersion()
            return
        }
        try GradMode.with(enabled: false) { try old.add_(g) }
    }
}

extension Tensor {
    /// `tensor.backward(gradient=None, retain_graph=None, create_graph=False)`.
    public func backward(gradient: Tensor? = nil, retainGraph: Bool? = nil, createGraph: Bool = false) throws {
        try Autograd.backward([self], gradTensors: [gradient], retainGraph: retainGraph, createGraph: createGraph)
    }

    /// `retain_grad()`: a non-leaf keeps its `.grad` after backward (no-op on leaves).
    public func retainGrad() throws {
        if !requiresGrad {
            throw TensorError.runtime("can't retain_grad on Tensor that has requires_grad=False")
        }
        guard let f = gradFn, !retainsGrad else { return }
        retainsGrad = true
        f.info.retained.append(.init(tensor: self, outputNr: outputNr))
    }

    /// True when reading `.grad` would make PyTorch print its non-leaf UserWarning
    /// (a non-leaf that did not call `retain_grad()`); the interpreter writes `nonLeafGradWarning` to stderr.
    public var gradAccessWarns: Bool { !isLeaf && !retainsGrad }
    public static let nonLeafGradWarning = "UserWarning: The .grad attribute of a Tensor that is not a leaf Tensor is being accessed. Its .grad attribute won't be populated during autograd.backward(). If you indeed want the .grad field to be populated for a non-leaf Tensor, use .retain_grad() on the non-leaf Tensor. If you access the non-leaf Tensor by mistake, make sure you access the leaf Tensor instead. See github.com/pytorch/pytorch/pull/30531 for more information."
}

extension Node {
    /// What `grad_fn.name()` returns in Python: the node name, except the leaf sink and the in-place-on-view
    /// node, whose C++ names PyTorch reports in full (`torch::autograd::AccumulateGrad`,
    /// `torch::autograd::CopySlices`; their reprs still read `<AccumulateGrad object ...>` / `<CopySlices>`).
    public var pythonName: String {
        self is AccumulateGrad ? "torch::autograd::AccumulateGrad" : name == "CopySlices" ? "torch::autograd::CopySlices" : name
    }
}
