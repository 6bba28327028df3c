/// `sort`, `argsort`, `msort`, `topk` (ATen's SortingKernel.cpp / TopKImpl.h on CPU).
///
/// PyTorch sorts each slice as (value, index) pairs with the C++ standard library: `std::sort` (not stable) or
/// `std::stable_sort` for `sort`/`argsort`, `std::nth_element` / `std::partial_sort` (+ `std::sort`) for `topk`.
/// Which of several equal values comes first is decided by those algorithms, so `LibStdCxxSort` ports the
/// libstdc++ ones step by step: tied values come out in the same order as in PyTorch. NaN sorts above every
/// number (PyTorch's comparators), ties keep their order when `stable=True`.
extension Tensor {
    /// `sort(dim=-1, descending=False, *, stable=False)` → (values, indices), grad_fn `SortBackward0`.
    public func sort(dim d: Int = -1, descending: Bool = false, stable: Bool = false) throws -> ValuesIndices {
        let w = try wrapDim(d, dim)
        // ATen: an expanded (stride 0) dim keeps the filled indices; 1-D integer tensors of at least 32768
        // elements go through fbgemm's radix sort (stable) when ascending.
        let radix = dim == 1 && numel >= 32768 && dtype.isIntegral && dtype != .bool && !descending
        let keepOrder = stable || radix || (dim > 0 && strides[w] == 0)
        let (values, indices) = try sortedSlices(w, name: "sort") { slice in
            let less = Self.sortLess(descending: descending)
            if keepOrder { LibStdCxxSort.stableSort(&slice, less) } else { LibStdCxxSort.sort(&slice, 0, slice.count, less) }
            return slice.count
        }
        recordSelection("SortBackward0", values: values, indices: indices, dim: w, keepdim: true)
        return ValuesIndices(values: values, indices: indices, name: "sort")
    }

    /// `argsort(dim=-1, descending=False, *, stable=False)`: the indices of `sort`.
    public func argsort(dim d: Int = -1, descending: Bool = false, stable: Bool = false) throws -> Tensor {
        try GradMode.with(enabled: false) { try sort(dim: d, descending: descending, stable: stable) }.indices
    }

    /// `msort(input)`: values of `sort` along dim 0.
    public func msort() throws -> Tensor { try sort(dim: 0).values }

    /// `topk(k, dim=-1, largest=True, sorted=True)` → (values, indices), grad_fn `TopkBackward0`.
    public func topk(_ k: Int, dim d: Int = -1, largest: Bool = true, sorted: Bool = true) throws -> ValuesIndices {
        let w = try wrapDim(d, dim)
        let size = dim == 0 ? 1 : shape[w]
        guard k >= 0 && k <= size else { throw TensorError.runtime("selected index k out of range") }
        let (values, indices) = try sortedSlices(w, name: "topk", keep: k) { slice in
            guard k > 0 else { return 0 }
            let less = Self.sortLess(descending: largest)
            if k * 64 <= slice.count {
                LibStdCxxSort.partialSort(&slice, 0, middle: k, slice.count, less)
            } else {
                LibStdCxxSort.nthElement(&slice, 0, nth: k - 1, slice.count, less)
                if sorted { LibStdCxxSort.sort(&slice, 0, k - 1, less) }
            }
            return k
        }
        recordSelection("TopkBackward0", values: values, indices: indices, dim: w, keepdim: true)
        return ValuesIndices(values: values, indices: indices, name: "topk")
    }

    /// One element of a slice being sorted: its value (as Double for floats, Int64 otherwise) and position.
    struct SortItem { var f: Double; var i: Int64; var index: Int64 }

    /// PyTorch's KeyValueCompAsc / KeyValueCompDesc: NaN is larger than every number.
    static func sortLess(descending: Bool) -> (SortItem, SortItem) -> Bool {
        if descending {
            return { a, b in (a.f.isNaN && !b.f.isNaN) || a.f > b.f || (a.f == b.f && a.i > b.i) }
        }
        return { a, b in (!a.f.isNaN && b.f.isNaN) || a.f < b.f || (a.f == b.f && a.i < b.i) }
    }

    /// Runs `arrange` on every slice along `dim` (the slice holds values and positions 0..<n; `arrange` returns
    /// how many leading items to keep) and gathers values and int64 indices of shape `shape` with
    /// `shape[dim] = keep ?? n`.
    func sortedSlices(_ d: Int, name: String, keep: Int? = nil,
                              _ arrange: (inout [SortItem]) -> Int) throws -> (Tensor, Tensor) {
        let src = materialized()
        let inShape = shape.isEmpty ? [1] : shape
        let n = inShape[d], outer = inShape[..<d].reduce(1, *), inner = inShape[(d + 1)...].reduce(1, *)
        var outShape = shape
        if !shape.isEmpty, let k = keep { outShape[d] = k }
        let m = keep ?? n
        let values = Tensor(zeros: outShape, dtype: dtype, device: device)
        let indices = Tensor(zeros: outShape, dtype: .int64, device: device)
        let floating = dtype.isFloatingPoint, isz = dtype.itemSize
        var slice: [SortItem] = []
        slice.reserveCapacity(n)
        for o in 0..<outer {
            for i in 0..<inner {
                slice.removeAll(keepingCapacity: true)
                for j in 0..<n {
                    let at = (o * n + j) * inner + i
                    slice.append(floating ? SortItem(f: src.storage.readDouble(at), i: 0, index: Int64(j))
                                          : SortItem(f: 0, i: src.storage.readInt64(at), index: Int64(j)))
                }
                let kept = Swift.min(arrange(&slice), m)
                for j in 0..<kept {
                    let from = (o * n + Int(slice[j].index)) * inner + i, to = (o * m + j) * inner + i
                    (values.storage.raw + to * isz).copyMemory(from: src.storage.raw + from * isz, byteCount: isz)
                    indices.storage.int64s[to] = slice[j].index
                }
            }
        }
        return (values, indices)
    }

    /// The backward of a value-selecting op (ATen's value_selecting_reduction_backward): the gradient of each
    /// output goes to the input position its index names.
    private func recordSelection(_ node: String, values: Tensor, indices: Tensor, dim d: Int, keepdim: Bool) {
        guard dtype.isFloatingPoint else { return }
        let inShape = shape, dt = dtype, dev = device
        recordAutograd(node, inputs: [self], outputs: [values]) { g in
            guard let go = g[0] else { return [nil] }
            let z = Tensor(zeros: inShape, dtype: dt, device: dev)
            let gd = go.materialized(dtype: dt).toDoubleArray(), id = indices.toInt64Array()
            let full = inShape.isEmpty ? [1] : inShape, kept = indices.shape.isEmpty ? 1 : indices.shape[d]
            let outer = full[..<d].reduce(1, *), n = full[d], inner = full[(d + 1)...].reduce(1, *)
            for o in 0..<outer { for j in 0..<kept { for i in 0..<inner {
                let k = (o * kept + j) * inner + i
                z.storage.write(.double(gd[k]), at: (o * n + Int(id[k])) * inner + i)
            } } }
            return [z]
        }
    }
}

/// libstdc++'s `std::sort` (introsort + final insertion sort), `std::nth_element` (introselect),
/// `std::partial_sort` (heap select + sort heap), ported line by line from bits/stl_algo.h / stl_heap.h so
/// equal keys end up in the same order as in PyTorch's CPU kernels. `stableSort` is any stable sort.
enum LibStdCxxSort {
    static let threshold = 16

    static func lg(_ n: Int) -> Int { Int.bitWidth - 1 - n.leadingZeroBitCount }

    static func sort<E>(_ a: inout [E], _ first: Int, _ last: Int, _ less: (E, E) -> Bool) {
        guard last - first > 1 else { return }
        introsortLoop(&a, first, last, lg(last - first) * 2, less)
        finalInsertionSort(&a, first, last, less)
    }

    static func stableSort<E>(_ a: inout [E], _ less: (E, E) -> Bool) {
        let order = a.indices.sorted { x, y in less(a[x], a[y]) || (!less(a[y], a[x]) && x < y) }
        a = order.map { a[$0] }
    }

    static func nthElement<E>(_ a: inout [E], _ first: Int, nth: Int, _ last: Int, _ less: (E, E) -> Bool) {
        guard first != last && nth != last else { return }
        var f = first, l = last, depth = lg(last - first) * 2
        while l - f > 3 {
            if depth == 0 {
                heapSelect(&a, f, nth + 1, l, less)
                a.swapAt(f, nth)
                return
            }
            depth -= 1
            let cut = unguardedPartitionPivot(&a, f, l, less)
            if cut <= nth { f = cut } else { l = cut }
        }
        insertionSort(&a, f, l, less)
    }

    static func partialSort<E>(_ a: inout [E], _ first: Int, middle: Int, _ last: Int, _ less: (E, E) -> Bool) {
        heapSelect(&a, first, middle, last, less)
        sortHeap(&a, first, middle, less)
    }

    private static func introsortLoop<E>(_ a: inout [E], _ first: Int, _ last: Int, _ depthLimit: Int, _ less: (E, E) -> Bool) {
        var last = last, depth = depthLimit
        while last - first > threshold {
            if depth == 0 {
                partialSort(&a, first, middle: last, last, less)
                return
            }
            depth -= 1
            let cut = unguardedPartitionPivot(&a, first, last, less)
            introsortLoop(&a, cut, last, depth, less)
            last = cut
        }
    }

    private static func unguardedPartitionPivot<E>(_ a: inout [E], _ first: Int, _ last: Int, _ less: (E, E) -> Bool) -> Int {
        let mid = first + (last - first) / 2
        moveMedianToFirst(&a, first, first + 1, mid, last - 1, less)
        return unguardedPartition(&a, first + 1, last, pivot: first, less)
    }

    private static func moveMedianToFirst<E>(_ a: inout [E], _ result: Int, _ x: Int, _ y: Int, _ z: Int, _ less: (E, E) -> Bool) {
        if less(a[x], a[y]) {
            if less(a[y], a[z]) { a.swapAt(result, y) } else if less(a[x], a[z]) { a.swapAt(result, z) } else { a.swapAt(result, x) }
        } else if less(a[x], a[z]) {
            a.swapAt(result, x)
        } else if less(a[y], a[z]) {
            a.swapAt(result, z)
        } else {
            a.swapAt(result, y)
        }
    }

    /// The pivot at `pivot` (left of the range) is a median of three, so the scans stop inside the range; the
    /// bounds checks only guard against a comparator that is not a strict weak order.
    private static func unguardedPartition<E>(_ a: inout [E], _ first: Int, _ last: Int, pivot: Int, _ less: (E, E) -> Bool) -> Int {
        var f = first, l = last
        let lo = first, hi = last
        while true {
            while f < hi - 1 && less(a[f], a[pivot]) { f += 1 }
            l -= 1
            while l > lo && less(a[pivot], a[l]) { l -= 1 }
            if !(f < l) { return f }
            a.swapAt(f, l)
            f += 1
        }
    }

    private static func finalInsertionSort<E>(_ a: inout [E], _ first: Int, _ last: Int, _ less: (E, E) -> Bool) {
        if last - first > threshold {
            insertionSort(&a, first, first + threshold, less)
            for i in (first + threshold)..<last { unguardedLinearInsert(&a, i, lowest: first, less) }
        } else {
            insertionSort(&a, first, last, less)
        }
    }

    private static func insertionSort<E>(_ a: inout [E], _ first: Int, _ last: Int, _ less: (E, E) -> Bool) {
        guard last - first > 1 else { return }
        for i in (first + 1)..<last {
            if less(a[i], a[first]) {
                let v = a[i]
                var j = i
                while j > first { a[j] = a[j - 1]; j -= 1 }
                a[first] = v
            } else {
                unguardedLinearInsert(&a, i, lowest: first, less)
            }
        }
    }

    private static func unguardedLinearInsert<E>(_ a: inout [E], _ last: Int, lowest: Int, _ less: (E, E) -> Bool) {
        let v = a[last]
        var hole = last, next = last - 1
        while next >= lowest && less(v, a[next]) {
            a[hole] = a[next]
            hole = next
            next -= 1
        }
        a[hole] = v
    }

    private static func heapSelect<E>(_ a: inout [E], _ first: Int, _ middle: Int, _ last: Int, _ less: (E, E) -> Bool) {
        makeHeap(&a, first, middle, less)
        guard middle < last else { return }
        for i in middle..<last where less(a[i], a[first]) { popHeap(&a, first, middle, result: i, less) }
    }

    private static func makeHeap<E>(_ a: inout [E], _ first: Int, _ last: Int, _ less: (E, E) -> Bool) {
        let len = last - first
        guard len >= 2 else { return }
        var parent = (len - 2) / 2
        while true {
            adjustHeap(&a, first, hole: parent, len: len, value: a[first + parent], less)
            if parent == 0 { return }
            parent -= 1
        }
    }

    private static func sortHeap<E>(_ a: inout [E], _ first: Int, _ last: Int, _ less: (E, E) -> Bool) {
        var l = last
        while l - first > 1 {
            l -= 1
            popHeap(&a, first, l, result: l, less)
        }
    }

    private static func popHeap<E>(_ a: inout [E], _ first: Int, _ last: Int, result: Int, _ less: (E, E) -> Bool) {
        let v = a[result]
        a[result] = a[first]
        adjustHeap(&a, first, hole: 0, len: last - first, value: v, less)
    }

    private static func adjustHeap<E>(_ a: inout [E], _ first: Int, hole: Int, len: Int, value: E, _ less: (E, E) -> Bool) {
        let top = hole
        var hole = hole, second = hole
        while second < (len - 1) / 2 {
            second = 2 * (second + 1)
            if less(a[first + second], a[first + second - 1]) { second -= 1 }
            a[first + hole] = a[first + second]
            hole = second
        }
        if len & 1 == 0 && second == (len - 2) / 2 {
            second = 2 * (second + 1)
            a[first + hole] = a[first + second - 1]
            hole = second - 1
        }
        var parent = (hole - 1) / 2
        while hole > top && less(a[first + parent], value) {
            a[first + hole] = a[first + parent]
            hole = parent
            parent = (hole - 1) / 2
        }
        a[first + hole] = value
    }
}
