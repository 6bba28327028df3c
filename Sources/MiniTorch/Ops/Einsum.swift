/// `torch.einsum(equation, *operands)`: subscripts [a-zA-Z] with `...` (broadcast batch dims), implicit output
/// (ellipsis dims, then labels seen once, alphabetically) or explicit `->`. Repeated labels in one operand take
/// the diagonal; operands are permuted to one label order, multiplied with broadcasting and summed over labels
/// absent from the output. Built from differentiable ops, so the graph holds their nodes (PyTorch's own einsum
/// goes through bmm, so its node names and last-bit rounding can differ). PyTorch's error messages.

extension Tensor {
    public static func einsum(_ equation: String, _ operands: [Tensor]) throws -> Tensor {
        let eq = Array(equation.filter { $0 != " " })
        let arrow = eq.indices.first { $0 + 1 < eq.count && eq[$0] == "-" && eq[$0 + 1] == ">" }
        let lhs = arrow.map { Array(eq[..<$0]) } ?? eq
        // Labels: 0..<52 for letters, -1 marks the ellipsis.
        func parse(_ chars: ArraySlice<Character>, start: Int, operand: Int?) throws -> [Int] {
            var out: [Int] = [], i = chars.startIndex, sawEllipsis = false
            while i < chars.endIndex {
                let c = chars[i]
                if c == "." {
                    guard !sawEllipsis, i + 2 < chars.endIndex, chars[i + 1] == ".", chars[i + 2] == "." else {
                        let who = operand.map { "for operand \($0)" } ?? "for the output"
                        throw TensorError.runtime("einsum(): found '.' \(who) that is not part of any ellipsis")
                    }
                    sawEllipsis = true; out.append(-1); i += 3; continue
                }
                guard let a = c.asciiValue, (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") else {
                    throw TensorError.runtime("einsum(): invalid subscript given at index \(start + i - chars.startIndex) in the equation string, subscripts must be in [a-zA-Z]")
                }
                out.append(c >= "a" ? Int(a - 97) + 26 : Int(a - 65))
                i += 1
            }
            return out
        }
        var terms: [[Int]] = [], termStart = 0
        for (k, part) in lhs.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
            if k >= operands.count { throw TensorError.runtime("einsum(): fewer operands were provided than specified in the equation") }
            terms.append(try parse(part, start: termStart, operand: k))
            termStart += part.count + 1
        }
        guard terms.count == operands.count else {
            throw TensorError.runtime(terms.count < operands.count ? "einsum(): more operands were provided than specified in the equation"
                                                                   : "einsum(): fewer operands were provided than specified in the equation")
        }
        // Ellipsis width per operand and overall; ellipsis dims get labels 52..<52+ell (right-aligned).
        var ell = 0
        for (k, t) in terms.enumerated() {
            let named = t.filter { $0 >= 0 }.count, nd = operands[k].dim
            if t.contains(-1) {
                guard nd >= named else {
                    throw TensorError.runtime("einsum(): the number of subscripts in the equation (\(named)) is more than the number of dimensions (\(nd)) for operand \(k)")
                }
                ell = Swift.max(ell, nd - named)
            } else if named != nd {
                throw TensorError.runtime("einsum(): the number of subscripts in the equation (\(named)) does not match the number of dimensions (\(nd)) for operand \(k) and no ellipsis was given")
            }
        }
        func expand(_ t: [Int], _ nd: Int) -> [Int] {
            guard let p = t.firstIndex(of: -1) else { return t }
            let w = nd - (t.count - 1)
            return Array(t[..<p]) + (0..<w).map { 52 + ell - w + $0 } + Array(t[(p + 1)...])
        }
        let full = terms.enumerated().map { expand($0.element, operands[$0.offset].dim) }
        func letter(_ l: Int) -> Character { Character(UnicodeScalar(UInt8(l < 26 ? 65 + l : 97 + l - 26))) }
        var counts = [Int](repeating: 0, count: 52)
        for t in terms { for l in t where l >= 0 { counts[l] += 1 } }
        var output: [Int]
        if let a = arrow {
            let rhs = try parse(eq[(a + 2)...], start: a + 2, operand: nil)
            var seen = Set<Int>()
            for l in rhs where l >= 0 {
                let name = letter(l)
                guard counts[l] > 0 else { throw TensorError.runtime("einsum(): output subscript \(name) does not appear in the equation for any input operand") }
                guard seen.insert(l).inserted else { throw TensorError.runtime("einsum(): output subscript \(name) appears more than once in the output") }
            }
            output = rhs.flatMap { $0 == -1 ? Array(52..<52 + ell) : [$0] }
        } else {
            output = Array(52..<52 + ell) + (0..<52).filter { counts[$0] == 1 }
        }
        // Every label in one order: output labels first, then the summed ones.
        var order = output
        for t in full { for l in t where !order.contains(l) { order.append(l) } }
        var sizes = [Int: Int]()
        var prepared: [Tensor] = []
        for (k, var labels) in full.enumerated() {
            var x = operands[k]
            // Repeated labels: diagonal (moved to the last dim).
            while let dup = labels.indices.first(where: { i in labels[(i + 1)...].contains(labels[i]) }) {
                let l = labels[dup], other = labels[(dup + 1)...].firstIndex(of: l) ?? dup
                guard x.shape[dup] == x.shape[other] else {
                    throw TensorError.runtime("einsum(): subscript \(l < 52 ? String(letter(l)) : "...") is repeated for operand \(k) but the sizes don't match, \(x.shape[other]) != \(x.shape[dup])")
                }
                x = try x.diagonal(offset: 0, dim1: dup, dim2: other)
                labels.remove(at: other); labels.remove(at: dup); labels.append(l)
            }
            for (d, l) in labels.enumerated() where x.shape[d] != 1 {
                if let s = sizes[l], s != x.shape[d], l < 52 {
                    let name = letter(l)
                    throw TensorError.runtime("einsum(): subscript \(name) has size \(x.shape[d]) for operand \(k) which does not broadcast with previously seen size \(s)")
                }
                sizes[l] = x.shape[d]
            }
            let present = order.filter { labels.contains($0) }
            x = try x.permute(present.map { l in labels.firstIndex(of: l) ?? 0 })
            if present.count < order.count {
                x = try x.reshape(order.map { l in labels.contains(l) ? x.shape[present.firstIndex(of: l) ?? 0] : 1 })
            }
            prepared.append(x)
        }
        // The broadcast product holds every label at once: keep it within the engine's size limit.
        try Tensor.checkSizes(order.indices.map { d in prepared.map { $0.dim == order.count ? $0.shape[d] : 1 }.max() ?? 1 })
        var result = prepared[0]
        for x in prepared.dropFirst() { result = try result.mul(x) }
        if order.count > output.count {
            result = try result.sum(dims: Array(output.count..<order.count))
        }
        return result
    }
}
