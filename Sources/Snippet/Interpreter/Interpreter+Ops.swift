import Foundation

func overflow() -> PyError { PyError(.overflowError, "integer overflow: tensorprep integers are 64-bit") }

/// Python integer arithmetic on Int64 with floor semantics; overflow raises OverflowError instead of trapping.
enum IntMath {
    static func add(_ a: Int, _ b: Int) throws -> Int { let (r, o) = a.addingReportingOverflow(b); if o { throw overflow() }; return r }
    static func sub(_ a: Int, _ b: Int) throws -> Int { let (r, o) = a.subtractingReportingOverflow(b); if o { throw overflow() }; return r }
    static func mul(_ a: Int, _ b: Int) throws -> Int { let (r, o) = a.multipliedReportingOverflow(by: b); if o { throw overflow() }; return r }
    static func floorDiv(_ a: Int, _ b: Int) throws -> Int {
        if b == 0 { throw PyError(.zeroDivisionError, "integer division or modulo by zero") }
        if a == Int.min && b == -1 { throw overflow() }
        let q = a / b
        return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q
    }
    static func mod(_ a: Int, _ b: Int) throws -> Int {
        if b == 0 { throw PyError(.zeroDivisionError, "integer modulo by zero") }
        if b == -1 { return 0 }
        let r = a % b
        return (r != 0 && ((r < 0) != (b < 0))) ? r + b : r
    }
    static func pow(_ base: Int, _ exp: Int) throws -> Value {
        if exp < 0 {
            if base == 0 { throw PyError(.zeroDivisionError, "0.0 cannot be raised to a negative power") }
            return .float(Foundation.pow(Double(base), Double(exp)))
        }
        var result = 1, b = base, e = exp
        while e > 0 {
            if e & 1 == 1 { result = try mul(result, b) }
            e >>= 1
            if e > 0 { b = try mul(b, b) }
        }
        return .int(result)
    }
}

enum FloatMath {
    static func mod(_ a: Double, _ b: Double) throws -> Double {
        if b == 0 { throw PyError(.zeroDivisionError, "float modulo") }
        var m = a.truncatingRemainder(dividingBy: b)
        if m != 0 { if (b < 0) != (m < 0) { m += b } } else { m = b < 0 ? -0.0 : 0.0 }
        return m
    }
    static func pow(_ a: Double, _ b: Double) throws -> Double {
        if a == 0 && b < 0 { throw PyError(.zeroDivisionError, "0.0 cannot be raised to a negative power") }
        if a < 0 && b != b.rounded() && b.isFinite {
            throw PyError.valueError("negative number cannot be raised to a fractional power (complex results are not supported)")
        }
        let r = Foundation.pow(a, b)
        if r.isInfinite && a.isFinite && b.isFinite { throw PyError(.overflowError, "(34, 'Numerical result out of range')") }
        return r
    }
}

extension Interpreter {
    // MARK: arithmetic

    func binaryOp(_ op: BinaryOp, _ a: Value, _ b: Value) throws -> Value {
        switch (a, b) {
        case (.int(let x), .int(let y)): return try intOp(op, x, y)
        case (.float(let x), .float(let y)): return try floatOp(op, x, y)
        case (.int(let x), .float(let y)): if let r = try floatOpOrNil(op, Double(x), y) { return r }
        case (.float(let x), .int(let y)): if let r = try floatOpOrNil(op, x, Double(y)) { return r }
        case (.bool, _), (_, .bool):
            if case .object = a {} else if case .object = b {} else if case .str = a {} else if case .str = b {} else if case .none = a {} else if case .none = b {} else {
                return try binaryOp(op, a.asIntLike, b.asIntLike)
            }
        case (.str(let x), .str(let y)) where op == .add: return .str(x + y)
        default: break
        }
        if let r = try builtinSequenceOp(op, a, b) { return r }
        // dunder protocol
        let name = op.dunder
        if case .object = a, let f = a.type.lookup("__\(name)__") {
            let r = try callAttribute(f, receiver: a, Arguments([b]))
            if !r.isNotImplemented { return r }
        }
        if case .object = b, !(a.type === b.type), let f = b.type.lookup("__r\(name)__") {
            let r = try callAttribute(f, receiver: b, Arguments([a]))
            if !r.isNotImplemented { return r }
        }
        if op == .add, case .str = a { throw PyError.typeError("can only concatenate str (not \"\(b.typeName)\") to str") }
        if op == .add, a.as(PyList.self) != nil { throw PyError.typeError("can only concatenate list (not \"\(b.typeName)\") to list") }
        if op == .add, a.as(PyTuple.self) != nil { throw PyError.typeError("can only concatenate tuple (not \"\(b.typeName)\") to tuple") }
        if op == .mul, isSequence(a) || isSequence(b) {
            let other = isSequence(a) ? b : a
            throw PyError.typeError("can't multiply sequence by non-int of type '\(other.typeName)'")
        }
        if op == .pow { throw PyError.typeError("unsupported operand type(s) for ** or pow(): '\(a.typeName)' and '\(b.typeName)'") }
        throw PyError.typeError("unsupported operand type(s) for \(op.rawValue): '\(a.typeName)' and '\(b.typeName)'")
    }

    private func isSequence(_ v: Value) -> Bool {
        if case .str = v { return true }
        return v.as(PyList.self) != nil || v.as(PyTuple.self) != nil
    }

    func intOp(_ op: BinaryOp, _ x: Int, _ y: Int) throws -> Value {
        switch op {
        case .add: return .int(try IntMath.add(x, y))
        case .sub: return .int(try IntMath.sub(x, y))
        case .mul: return .int(try IntMath.mul(x, y))
        case .div:
            if y == 0 { throw PyError(.zeroDivisionError, "division by zero") }
            return .float(Double(x) / Double(y))
        case .floorDiv: return .int(try IntMath.floorDiv(x, y))
        case .mod: return .int(try IntMath.mod(x, y))
        case .pow: return try IntMath.pow(x, y)
        case .lshift:
            if y < 0 { throw PyError.valueError("negative shift count") }
            if x == 0 { return .int(0) }
            if y >= 63 { throw overflow() }
            let r = x << y
            if r >> y != x { throw overflow() }
            return .int(r)
        case .rshift:
            if y < 0 { throw PyError.valueError("negative shift count") }
            return .int(y >= 64 ? (x < 0 ? -1 : 0) : x >> y)
        case .bitAnd: return .int(x & y)
        case .bitOr: return .int(x | y)
        case .bitXor: return .int(x ^ y)
        case .matmul: throw PyError.typeError("unsupported operand type(s) for @: 'int' and 'int'")
        }
    }

    func floatOpOrNil(_ op: BinaryOp, _ x: Double, _ y: Double) throws -> Value? {
        switch op {
        case .lshift, .rshift, .bitAnd, .bitOr, .bitXor, .matmul: return nil
        default: return try floatOp(op, x, y)
        }
    }

    func floatOp(_ op: BinaryOp, _ x: Double, _ y: Double) throws -> Value {
        switch op {
        case .add: return .float(x + y)
        case .sub: return .float(x - y)
        case .mul: return .float(x * y)
        case .div:
            if y == 0 { throw PyError(.zeroDivisionError, "float division by zero") }
            return .float(x / y)
        case .floorDiv:
            if y == 0 { throw PyError(.zeroDivisionError, "float floor division by zero") }
            if !x.isFinite || !y.isFinite {
                if x.isNaN || y.isNaN || x.isInfinite { return .float(.nan) }
                return .float((x / y).rounded(.down))
            }
            // CPython's float_floor_div
            var mod = x.truncatingRemainder(dividingBy: y)
            var div = (x - mod) / y
            if mod != 0 {
                if (y < 0) != (mod < 0) { mod += y; div -= 1 }
            }
            if div != 0 {
                var fd = div.rounded(.down)
                if div - fd > 0.5 { fd += 1 }
                div = fd
            } else {
                div = (x / y).sign == .minus ? -0.0 : 0.0
            }
            return .float(div)
        case .mod: return .float(try FloatMath.mod(x, y))
        case .pow: return .float(try FloatMath.pow(x, y))
        default: throw PyError.typeError("unsupported operand type(s) for \(op.rawValue): 'float' and 'float'")
        }
    }

    private func builtinSequenceOp(_ op: BinaryOp, _ a: Value, _ b: Value) throws -> Value? {
        switch op {
        case .add:
            if let x = a.as(PyList.self), let y = b.as(PyList.self) {
                try checkLength(x.items.count + y.items.count)
                return .list(x.items + y.items)
            }
            if let x = a.as(PyTuple.self), let y = b.as(PyTuple.self) { return .tuple(x.items + y.items) }
        case .mul:
            var seq = a, n = b
            if case .int = a.asIntLike { seq = b; n = a }
            guard case .int(let count) = n.asIntLike else { return nil }
            let c = max(0, count)
            switch seq {
            case .str(let s):
                let (total, o) = s.unicodeScalars.count.multipliedReportingOverflow(by: c)
                if o { throw PyError(.overflowError, "repeated string is too long") }
                try checkLength(total)
                return .str(String(repeating: s, count: c))
            case .object(let o):
                if let l = o as? PyList {
                    let (total, ov) = l.items.count.multipliedReportingOverflow(by: c)
                    if ov { throw PyError(.memoryError, "") }
                    try checkLength(total)
                    var out: [Value] = []
                    out.reserveCapacity(total)
                    for _ in 0..<(l.items.isEmpty ? 0 : c) { out += l.items }
                    return .list(out)
                }
                if let t = o as? PyTuple {
                    let (total, ov) = t.items.count.multipliedReportingOverflow(by: c)
                    if ov { throw PyError(.memoryError, "") }
                    try checkLength(total)
                    var out: [Value] = []
                    for _ in 0..<(t.items.isEmpty ? 0 : c) { out += t.items }
                    return .tuple(out)
                }
            default: break
            }
        case .mod:
            if case .str(let fmt) = a {
                if case .object(let o) = b, !(o is PyTuple), !(o is PyDict), let f = b.type.lookup("__rmod__") {
                    let r = try callAttribute(f, receiver: b, Arguments([a]))
                    if !r.isNotImplemented { return r }
                }
                return .str(try Formatting.percentFormat(fmt, b, repr: { try self.repr($0) }, str: { try self.str($0) }))
            }
        case .bitOr, .bitAnd, .sub, .bitXor:
            if let x = a.as(PySet.self), let y = b.as(PySet.self) {
                let out = PySet(frozen: x.isFrozen)
                switch op {
                case .bitOr: for v in x.order { out.insert(HashKey(v)) }; for v in y.order { out.insert(HashKey(v)) }
                case .bitAnd: for v in x.order where y.contains(HashKey(v)) { out.insert(HashKey(v)) }
                case .sub: for v in x.order where !y.contains(HashKey(v)) { out.insert(HashKey(v)) }
                default:
                    for v in x.order where !y.contains(HashKey(v)) { out.insert(HashKey(v)) }
                    for v in y.order where !x.contains(HashKey(v)) { out.insert(HashKey(v)) }
                }
                return .object(out)
            }
            if op == .bitOr, let x = a.as(PyDict.self), let y = b.as(PyDict.self) {
                let out = PyDict()
                for (k, v) in x.entries { out.setUnchecked(HashKey(k), k, v) }
                for (k, v) in y.entries { out.setUnchecked(HashKey(k), k, v) }
                return .object(out)
            }
        default: break
        }
        return nil
    }

    func inplaceOp(_ op: BinaryOp, _ a: Value, _ b: Value) throws -> Value {
        if case .object(let o) = a {
            if let l = o as? PyList, op == .add {
                l.items += try toArray(b)
                try checkLength(l.items.count)
                return a
            }
            if let f = a.type.lookup("__i\(op.dunder)__") {
                let r = try callAttribute(f, receiver: a, Arguments([b]))
                if !r.isNotImplemented { return r }
            }
        }
        return try binaryOp(op, a, b)
    }

    func unaryOp(_ op: UnaryOp, _ v: Value) throws -> Value {
        switch (op, v) {
        case (.not, _): return .bool(!(try isTruthy(v)))
        case (.neg, .int(let i)): if i == Int.min { throw overflow() }; return .int(-i)
        case (.neg, .float(let d)): return .float(-d)
        case (.neg, .bool(let b)): return .int(b ? -1 : 0)
        case (.pos, .int), (.pos, .float): return v
        case (.pos, .bool(let b)): return .int(b ? 1 : 0)
        case (.invert, .int(let i)): return .int(~i)
        case (.invert, .bool(let b)): return .int(~(b ? 1 : 0))
        default: break
        }
        let name = op == .neg ? "__neg__" : op == .pos ? "__pos__" : "__invert__"
        if case .object = v, let f = v.type.lookup(name) { return try callAttribute(f, receiver: v, Arguments()) }
        let sym = op == .neg ? "-" : op == .pos ? "+" : "~"
        throw PyError.typeError("bad operand type for unary \(sym): '\(v.typeName)'")
    }

    // MARK: comparison

    func compare(_ op: CompareOp, _ a: Value, _ b: Value) throws -> Value {
        switch op {
        case .is: return .bool(a.isIdentical(b))
        case .isNot: return .bool(!a.isIdentical(b))
        case .in: return .bool(try contains(b, a))
        case .notIn: return .bool(!(try contains(b, a)))
        case .eq: return try richEquals(a, b)
        case .ne:
            let r = try richEquals(a, b, negate: true)
            return r
        case .lt, .le, .gt, .ge: return try order(op, a, b)
        }
    }

    /// `a == b` as a Value (objects may return non-bools, e.g. tensors).
    func richEquals(_ a: Value, _ b: Value, negate: Bool = false) throws -> Value {
        if case .object = a, let f = a.type.lookup(negate ? "__ne__" : "__eq__") {
            let r = try callAttribute(f, receiver: a, Arguments([b]))
            if !r.isNotImplemented { return r }
        }
        if case .object = b, let f = b.type.lookup(negate ? "__ne__" : "__eq__") {
            let r = try callAttribute(f, receiver: b, Arguments([a]))
            if !r.isNotImplemented { return r }
        }
        let eq = try equals(a, b)
        return .bool(negate ? !eq : eq)
    }

    /// Python equality as a Bool (built-in structural equality; objects by `__eq__` then identity).
    public func equals(_ a: Value, _ b: Value) throws -> Bool {
        switch (a, b) {
        case (.none, .none): return true
        case (.int(let x), .int(let y)): return x == y
        case (.float(let x), .float(let y)): return x == y
        case (.str(let x), .str(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.int, .float), (.float, .int), (.bool, .int), (.int, .bool), (.bool, .float), (.float, .bool):
            return HashKey.keyEqual(a, b)
        case (.object(let x), .object(let y)):
            if x === y { return true }
            if let l = x as? PyList, let m = y as? PyList { return try seqEqual(l.items, m.items) }
            if let l = x as? PyTuple, let m = y as? PyTuple { return try seqEqual(l.items, m.items) }
            if let l = x as? PyDict, let m = y as? PyDict {
                guard l.count == m.count else { return false }
                for (k, v) in l.entries {
                    guard let w = m.get(HashKey(k)), try equals(v, w) else { return false }
                }
                return true
            }
            if let l = x as? PySet, let m = y as? PySet {
                return l.count == m.count && l.storage.keys.allSatisfy { m.contains($0) }
            }
            if let l = x as? PyRange, let m = y as? PyRange {
                return l.count == m.count && (l.count == 0 || (l.start == m.start && (l.count == 1 || l.step == m.step)))
            }
            if let l = x as? PySlice, let m = y as? PySlice {
                return try equals(l.start, m.start) && equals(l.stop, m.stop) && equals(l.step, m.step)
            }
            if x is PyDictView || y is PyDictView {
                if let l = x as? PyDictView, let m = y as? PyDictView, l.kind == .keys, m.kind == .keys {
                    return l.dictObject.count == m.dictObject.count && l.dictObject.keys.allSatisfy { m.dictObject.get(HashKey($0)) != nil }
                }
                return false
            }
            if let f = a.type.lookup("__eq__") {
                let r = try callAttribute(f, receiver: a, Arguments([b]))
                if !r.isNotImplemented { return try isTruthy(r) }
            }
            if let f = b.type.lookup("__eq__") {
                let r = try callAttribute(f, receiver: b, Arguments([a]))
                if !r.isNotImplemented { return try isTruthy(r) }
            }
            return false
        case (.object, _), (_, .object):
            let (o, other) = { if case .object = a { return (a, b) }; return (b, a) }()
            if let f = o.type.lookup("__eq__") {
                let r = try callAttribute(f, receiver: o, Arguments([other]))
                if !r.isNotImplemented { return try isTruthy(r) }
            }
            return false
        default: return false
        }
    }

    private func seqEqual(_ a: [Value], _ b: [Value]) throws -> Bool {
        guard a.count == b.count else { return false }
        callDepth += 1
        defer { callDepth -= 1 }
        if callDepth > limits.recursionLimit { throw PyError(.recursionError, "maximum recursion depth exceeded in comparison") }
        for (x, y) in zip(a, b) where !(x.isIdentical(y)) { if !(try equals(x, y)) { return false } }
        return true
    }

    func order(_ op: CompareOp, _ a: Value, _ b: Value) throws -> Value {
        func cmp<T: Comparable>(_ x: T, _ y: T) -> Bool {
            switch op { case .lt: return x < y; case .le: return x <= y; case .gt: return x > y; default: return x >= y }
        }
        switch (a.asIntLike, b.asIntLike) {
        case (.int(let x), .int(let y)): return .bool(cmp(x, y))
        case (.float(let x), .float(let y)): return .bool(cmp(x, y))
        case (.int(let x), .float(let y)): return .bool(cmp(Double(x), y))
        case (.float(let x), .int(let y)): return .bool(cmp(x, Double(y)))
        case (.str(let x), .str(let y)): return .bool(cmp(Array(x.unicodeScalars).map { $0.value }.lexicographicallyPrecedesKey, Array(y.unicodeScalars).map { $0.value }.lexicographicallyPrecedesKey))
        default: break
        }
        if case .object = a, let f = a.type.lookup("__\(dunderName(op))__") {
            let r = try callAttribute(f, receiver: a, Arguments([b]))
            if !r.isNotImplemented { return r }
        }
        if case .object = b, let f = b.type.lookup("__\(dunderName(reflected(op)))__") {
            let r = try callAttribute(f, receiver: b, Arguments([a]))
            if !r.isNotImplemented { return r }
        }
        let seqA: [Value]? = a.as(PyList.self)?.items ?? a.as(PyTuple.self)?.items
        let seqB: [Value]? = b.as(PyList.self)?.items ?? b.as(PyTuple.self)?.items
        if let x = seqA, let y = seqB, a.type === b.type {
            for (p, q) in zip(x, y) where !(try equals(p, q)) { return try order(op, p, q) }
            return .bool(cmp(x.count, y.count))
        }
        if let x = a.as(PySet.self), let y = b.as(PySet.self) {
            let sub = x.storage.keys.allSatisfy { y.contains($0) }
            let sup = y.storage.keys.allSatisfy { x.contains($0) }
            switch op {
            case .le: return .bool(sub)
            case .lt: return .bool(sub && x.count < y.count)
            case .ge: return .bool(sup)
            default: return .bool(sup && x.count > y.count)
            }
        }
        throw PyError.typeError("'\(op.rawValue)' not supported between instances of '\(a.typeName)' and '\(b.typeName)'")
    }

    private func dunderName(_ op: CompareOp) -> String {
        switch op { case .lt: return "lt"; case .le: return "le"; case .gt: return "gt"; default: return "ge" }
    }
    private func reflected(_ op: CompareOp) -> CompareOp {
        switch op { case .lt: return .gt; case .le: return .ge; case .gt: return .lt; default: return .le }
    }

    /// `x in container`
    public func contains(_ container: Value, _ x: Value) throws -> Bool {
        switch container {
        case .str(let s):
            guard case .str(let sub) = x else {
                throw PyError.typeError("'in <string>' requires string as left operand, not \(x.typeName)")
            }
            return sub.isEmpty || s.contains(sub)
        case .object(let o):
            if let d = o as? PyDict { return d.get(try hashKey(x)) != nil }
            if let s = o as? PySet { return s.contains(try hashKey(x)) }
            if let l = o as? PyList { for v in l.items where try v.isIdentical(x) || equals(v, x) { return true }; return false }
            if let t = o as? PyTuple { for v in t.items where try v.isIdentical(x) || equals(v, x) { return true }; return false }
            if let r = o as? PyRange {
                guard case .int(let n) = x.asIntLike else { return false }
                if r.count == 0 { return false }
                if r.step > 0 ? (n < r.start || n >= r.stop) : (n > r.start || n <= r.stop) { return false }
                if r.step == 1 || r.step == -1 { return true }
                let (d, o) = n.subtractingReportingOverflow(r.start)
                return !o && d % r.step == 0
            }
            if let f = container.type.lookup("__contains__") {
                return try isTruthy(try callAttribute(f, receiver: container, Arguments([x])))
            }
            if container.type.lookup("__iter__") != nil || o is PyIterator || o is PyDictView {
                let it = try makeIterator(container)
                while let v = try it() { if try v.isIdentical(x) || equals(v, x) { return true } }
                return false
            }
        default: break
        }
        throw PyError.typeError("argument of type '\(container.typeName)' is not iterable")
    }

    // MARK: truthiness

    /// Python truthiness (`__bool__`, then `__len__`).
    public func isTruthy(_ v: Value) throws -> Bool {
        switch v {
        case .none: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .float(let d): return d != 0
        case .str(let s): return !s.isEmpty
        case .object(let o):
            if let l = o as? PyList { return !l.items.isEmpty }
            if let t = o as? PyTuple { return !t.items.isEmpty }
            if let d = o as? PyDict { return d.count > 0 }
            if let s = o as? PySet { return s.count > 0 }
            if let r = o as? PyRange { return r.count > 0 }
            if let f = o.type.lookup("__bool__") {
                let r = try callAttribute(f, receiver: v, Arguments())
                guard case .bool(let b) = r else { throw PyError.typeError("__bool__ should return bool, returned \(r.typeName)") }
                return b
            }
            if let f = o.type.lookup("__len__") {
                let r = try callAttribute(f, receiver: v, Arguments())
                return try r.asIndex() != 0
            }
            return true
        }
    }

    // MARK: hashing

    /// A dict/set key for `v`; TypeError for unhashable values (`unhashable type: 'list'`).
    public func hashKey(_ v: Value) throws -> HashKey {
        if case .object(let o) = v {
            if o is PyList || o is PyDict || (o as? PySet).map({ !$0.isFrozen }) == true || o is PyDictView {
                throw PyError.typeError("unhashable type: '\(v.typeName)'")
            }
            if let t = o as? PyTuple { for x in t.items { _ = try hashKey(x) } }
            if !(o is PyType), let h = o.type.lookup("__hash__"), h.isNone {
                throw PyError.typeError("unhashable type: '\(v.typeName)'")
            }
        }
        return HashKey(v)
    }

    // MARK: iteration

    /// An iterator over any iterable: returns the next value or nil at the end.
    public func makeIterator(_ v: Value) throws -> () throws -> Value? {
        switch v {
        case .str(let s):
            var it = s.makeIterator()
            return { it.next().map { .str(String($0)) } }
        case .object(let o):
            if let l = o as? PyList {
                var i = 0
                return { guard i < l.items.count else { return nil }; defer { i += 1 }; return l.items[i] }
            }
            if let t = o as? PyTuple { return t.items.makeIteratorClosure() }
            if let r = o as? PyRange {
                var i = 0
                let n = r.count
                return { guard i < n else { return nil }; defer { i += 1 }; return .int(r.element(i)) }
            }
            if let d = o as? PyDict {
                let keys = d.keys
                let n = d.count
                var i = 0
                return {
                    if d.count != n { throw PyError.runtimeError("dictionary changed size during iteration") }
                    guard i < keys.count else { return nil }; defer { i += 1 }; return keys[i]
                }
            }
            if let s = o as? PySet { return s.elements.makeIteratorClosure() }
            if let it = o as? PyIterator { return { try it.next() } }
            if let dv = o as? PyDictView { return dv.elements.makeIteratorClosure() }
            if let f = o.type.lookup("__iter__") {
                let itv = try callAttribute(f, receiver: v, Arguments())
                if let it = itv.as(PyIterator.self) { return { try it.next() } }
                if case .object(let io) = itv, io !== o || io.type.lookup("__next__") != nil {
                    if io !== o, !(io.type.lookup("__next__") != nil) { return try makeIterator(itv) }
                    guard let next = itv.type.lookup("__next__") else {
                        throw PyError.typeError("iter() returned non-iterator of type '\(itv.typeName)'")
                    }
                    return {
                        do { return try self.callAttribute(next, receiver: itv, Arguments()) }
                        catch let e as PyError where e.exception.type.isSubtype(of: .stopIteration) { return nil }
                    }
                }
                throw PyError.typeError("iter() returned non-iterator of type '\(itv.typeName)'")
            }
            if let g = o.type.lookup("__getitem__") {
                var i = 0
                return {
                    do { defer { i += 1 }; return try self.callAttribute(g, receiver: v, Arguments([.int(i)])) }
                    catch let e as PyError where e.exception.type.isSubtype(of: .indexError) || e.exception.type.isSubtype(of: .stopIteration) { return nil }
                }
            }
        default: break
        }
        throw PyError.typeError("'\(v.typeName)' object is not iterable")
    }

    /// All elements of an iterable.
    public func toArray(_ v: Value) throws -> [Value] {
        if case .object(let o) = v {
            if let l = o as? PyList { return l.items }
            if let t = o as? PyTuple { return t.items }
        }
        let it = try makeIterator(v)
        var out: [Value] = []
        while let x = try it() {
            out.append(x)
            if out.count & 0xfff == 0 { try checkLength(out.count); try checkDeadline() }
        }
        return out
    }
}

private extension Array where Element == UInt32 {
    var lexicographicallyPrecedesKey: LexKey { LexKey(values: self) }
}

/// Compares code-point arrays lexicographically (Python's str ordering).
struct LexKey: Comparable {
    let values: [UInt32]
    static func < (a: LexKey, b: LexKey) -> Bool { a.values.lexicographicallyPrecedes(b.values) }
}
