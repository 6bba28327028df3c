@testable import MiniTorch

/// Builds nested data from Swift literals for tests: ints, doubles, bools, arrays of them.
func nd(_ x: Any) -> NestedData {
    switch x {
    case let b as Bool: return .scalar(.bool(b))
    case let i as Int: return .scalar(.int(Int64(i)))
    case let d as Double: return .scalar(.double(d))
    case let a as [Any]: return .list(a.map(nd))
    default: return .list([])
    }
}
/// `torch.tensor(x, dtype=)`.
func T(_ x: Any, _ dtype: DType? = nil) throws -> Tensor { try Tensor.fromNested(nd(x), dtype: dtype) }
/// Python's `print(repr)` of a tensor.
func P(_ t: Tensor) -> String { TensorFormatter.repr(t) }

/// Runs `body` and returns the TensorError it throws.
func errorOf(_ body: () throws -> Any) -> TensorError? {
    do { _ = try body(); return nil } catch let e as TensorError { return e } catch { return nil }
}
