/// `median` / `nanmedian` / `kthvalue` / `mode` (ATen's Sorting.cpp and cpu/TensorCompareKernel.cpp),
/// `norm` / `linalg.norm` / `F.normalize`, `diff`, `unfold` (the sliding-window view) and `unique`.
///
/// Which index is reported among equal values follows the CPU kernels: median orders (value, position)
/// pairs, so the lower-positioned of tied medians wins; kthvalue runs ATen's `quick_select_template`
/// (ported below); mode sorts with libstdc++'s `std::sort` on the value alone and reports the position of
/// the last of the run of the most frequent (smallest on a tie of counts) value.
extension Tensor {
    /// Slices along `d`: each is handed (as SortItems) to `pick`, which may reorder it and returns the position
    /// in it of the item to report. Values and int64 indices have `shape` with `d` removed (1 when `keepdim`).
    func selectAlong(_ d: Int, keepdim: Bool, name: String, _ pick: (inout [SortItem]) -> Int) throws -> (Tensor, Tensor) {
        let w = try wrapDim(d, dim)
        if dim > 0 && shape[w] == 0 {
            throw TensorError.index("\(name)(): Expected reduction dim \(w) to have non-zero size.")
        }
        var (values, indices) = try sortedSlices(w, name: name, keep: 1) { slice in
            slice.swapAt(0, pick(&slice))
            return 1
        }
        if !keepdim && dim > 0 { (values, indices) = (try values.squeeze(dim: w), try indices.squeeze(dim: w)) }
        let full = shape.isEmpty ? [1] : shape
        let n = full[w], outer = full[..<w].reduce(1, *), inner = full[(w + 1)...].reduce(1, *)
        if dtype.isFloatingPoint {
            let inShape = shape, dt = dtype, dev = device
            recordAutograd(name.prefix(1).uppercased() + name.dropFirst() + (name == "kthvalue" || name == "mode" ? "Backward0" : "Backward1"),
                           inputs: [self], outputs: [values]) { g in
                guard let go = g[0] else { return [nil] }
                // ATen's value_selecting_reduction_backward: each gradient goes to the position its index names.
                let z = Tensor(zeros: inShape, dtype: dt, device: dev)
                let gd = go.materialized(dtype: dt).toDoubleArray(), id = indices.toInt64Array()
                for o in 0..<outer { for i in 0..<inner {
                    let k = o * inner + i
                    z.storage.write(.double(gd[k]), at: (o * n + Int(id[k])) * inner + i)
                } }
                return [z]
            }
        }
        return (values, indices)
    }

    /// Fills `slice` with the `n` elements `base + j * inner` of contiguous `src` as SortItems (position j).
    static func loadSlice(_ slice: inout [SortItem], _ src: Tensor, floating: Bool, base: Int, n: Int, inner: Int) {
        slice.removeAll(keepingCapacity: true)
        for j in 0..<n {
            let at = base + j * inner
            slice.append(floating ? SortItem(f: src.storage.readDouble(at), i: 0, index: Int64(j))
                                  : SortItem(f: 0, i: src.storage.readInt64(at), index: Int64(j)))
        }
    }

    /// Position order of Sorting.cpp's median comparator: by value, then by position (NaN above numbers).
    static func medianLess(_ a: SortItem, _ b: SortItem) -> Bool {
        if a.f.isNaN || b.f.isNaN { return a.f.isNaN == b.f.isNaN ? a.index < b.index : b.f.isNaN }
        if a.f != b.f { return a.f < b.f }
        if a.i != b.i { return a.i < b.i }
        return a.index < b.index
    }

    /// `median(dim, keepdim)` / `nanmedian(dim, keepdim)` → (values, indices), the lower of the two middle values.
    public func median(dim d: Int, keepdim: Bool = false, ignoreNaN: Bool = false) throws -> ValuesIndices {
        let name = ignoreNaN ? "nanmedian" : "median"
        if dtype == .bool { throw TensorError.notImplemented("\"median_out\" not implemented for 'Bool'") }
        let (v, i) = try selectAlong(d, keepdim: keepdim, name: name) { s in
            if !ignoreNaN, let nan = s.firstIndex(where: { $0.f.isNaN }) { return nan }
            let nans = s.lazy.filter { $0.f.isNaN }.count
            let k = (s.count - nans - 1) / 2
            // (value, position) is a total order, so any selection finds ATen's nth_element result.
            let k0 = Swift.max(k, 0)
            Tensor.quickSelect(&s, k0) { a, b in Tensor.medianLess(b, a) }
            return k0
        }
        return ValuesIndices(values: v, indices: i, name: name)
    }

    /// `median()` / `nanmedian()` over all elements: the lower median (NaN if any for `median`, NaN when empty).
    public func medianAll(ignoreNaN: Bool = false) throws -> Tensor {
        if dtype == .bool { throw TensorError.notImplemented("\"median_cpu\" not implemented for 'Bool'") }
        let flat = try GradMode.with(enabled: false) { try reshape([numel]) }
        let out: Tensor
        if numel == 0 {
            out = try Tensor.full([], .double(.nan), dtype: dtype, device: device)
        } else {
            out = try GradMode.with(enabled: false) { try flat.median(dim: 0, ignoreNaN: ignoreNaN) }.values
        }
        if dtype.isFloatingPoint {
            let a = self
            recordAutograd(ignoreNaN ? "NanmedianBackward0" : "MedianBackward0", inputs: [self], outputs: [out]) { g in
                guard let go = g[0] else { return [nil] }
                // evenly_distribute_backward: shared among the elements equal to the result (NaN: the NaNs).
                let isNaN = try out.ne(out)
                let mask = try isNaN.item().asBool ? try a.ne(a) : try a.eq(out)
                return [try mask.to(go.dtype).mul(go.div(mask.sum()))]
            }
        }
        return out
    }

    /// `kthvalue(k, dim=-1, keepdim=False)` → (values, indices), ATen's quick_select_template.
    public func kthvalue(_ k: Int, dim d: Int = -1, keepdim: Bool = false) throws -> ValuesIndices {
        let w = try wrapDim(d, dim)
        if dtype == .bool { throw TensorError.notImplemented("\"kthvalue_cpu\" not implemented for 'Bool'") }
        let size = dim == 0 ? 1 : shape[w]
        guard k >= 1 && k <= size else {
            throw TensorError.runtime("kthvalue(): selected number k out of range for dimension \(w)")
        }
        let (v, i) = try selectAlong(w, keepdim: keepdim, name: "kthvalue") { s in
            let lt = Tensor.sortLess(descending: false)
            Tensor.quickSelect(&s, k - 1) { a, b in lt(b, a) }
            return k - 1
        }
        return ValuesIndices(values: v, indices: i, name: "kthvalue")
    }

    /// ATen's SortingUtils.h `quick_select_template` (median-of-three quickselect), step by step.
    static func quickSelect(_ arr: inout [SortItem], _ k: Int, _ gt: (SortItem, SortItem) -> Bool) {
        var l = 0, r = arr.count - 1
        while true {
            if r <= l { return }
            if r == l + 1 {
                if gt(arr[l], arr[r]) { arr.swapAt(l, r) }
                return
            }
            let p = l + (r - l) / 2
            arr.swapAt(p, l + 1)
            if gt(arr[l + 1], arr[r]) { arr.swapAt(l + 1, r) }
            if gt(arr[l], arr[r]) { arr.swapAt(l, r) }
            if gt(arr[l + 1], arr[l]) { arr.swapAt(l + 1, l) }
            var i = l + 1, j = r
            let piv = arr[l]
            while true {
                repeat { i += 1 } while i < arr.count && gt(piv, arr[i])
                repeat { j -= 1 } while j > 0 && gt(arr[j], piv)
                if j < i { break }
                arr.swapAt(i, j)
            }
            arr.swapAt(l, j)
            if j <= k { l = i }
            if j >= k { r = j - 1 }
        }
    }

    /// `mode(dim=-1, keepdim=False)` → (values, indices): the most frequent value (smallest on ties of counts).
    public func mode(dim d: Int = -1, keepdim: Bool = false) throws -> ValuesIndices {
        let (v, i) = try selectAlong(d, keepdim: keepdim, name: "mode") { s in
            LibStdCxxSort.sort(&s, 0, s.count) { a, b in a.f < b.f || a.i < b.i }
            var best = 0, bestFreq = 0, freq = 0
            for j in s.indices {
                freq += 1
                if j == s.count - 1 || s[j].f != s[j + 1].f || s[j].i != s[j + 1].i {
                    if freq > bestFreq { best = j; bestFreq = freq }
                    freq = 0
                }
            }
            return best
        }
        return ValuesIndices(values: v, indices: i, name: "mode")
    }
}
