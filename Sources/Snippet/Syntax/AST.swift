/// The syntax tree. Expressions are values; statements carry their source line for tracebacks.
indirect enum Expr {
    case name(String)
    case constant(Value)
    case fstring([FStringPart])
    case list([Expr])
    case tuple([Expr])
    case set([Expr])
    case dict([DictItem])
    case starred(Expr)
    case attribute(Expr, String)
    case `subscript`(Expr, Expr)
    case slice(Expr?, Expr?, Expr?)
    case call(Expr, [CallArg])
    case unary(UnaryOp, Expr)
    case binary(BinaryOp, Expr, Expr)
    case and(Expr, Expr)
    case or(Expr, Expr)
    case compare(Expr, [(CompareOp, Expr)])
    case ifExp(test: Expr, body: Expr, orelse: Expr)
    case lambda(FunctionDef)
    case listComp(Expr, [Comprehension])
    case setComp(Expr, [Comprehension])
    case dictComp(Expr, Expr, [Comprehension])
    case genExp(Expr, [Comprehension])
    case namedExpr(String, Expr)
    /// `yield x` / `yield from xs` (generators run eagerly: see `Interpreter.callFunction`).
    case yieldValue(Expr?, from: Bool)
}

enum DictItem { case pair(Expr, Expr); case unpack(Expr) }

enum CallArg {
    case positional(Expr)
    case star(Expr)
    case keyword(String, Expr)
    case doubleStar(Expr)
}

indirect enum FStringPart {
    case literal(String)
    /// `{expr!conv:spec}`; `selfDoc` is the `expr=` text to print before the value.
    case field(Expr, conversion: Character?, spec: [FStringPart]?, selfDoc: String?)
}

struct Comprehension {
    let target: Expr
    let iter: Expr
    let ifs: [Expr]
}

enum UnaryOp { case neg, pos, invert, not }

enum BinaryOp: String {
    case add = "+", sub = "-", mul = "*", div = "/", floorDiv = "//", mod = "%", pow = "**", matmul = "@"
    case lshift = "<<", rshift = ">>", bitAnd = "&", bitOr = "|", bitXor = "^"

    var dunder: String {
        switch self {
        case .add: return "add"
        case .sub: return "sub"
        case .mul: return "mul"
        case .div: return "truediv"
        case .floorDiv: return "floordiv"
        case .mod: return "mod"
        case .pow: return "pow"
        case .matmul: return "matmul"
        case .lshift: return "lshift"
        case .rshift: return "rshift"
        case .bitAnd: return "and"
        case .bitOr: return "or"
        case .bitXor: return "xor"
        }
    }
}

enum CompareOp: String {
    case eq = "==", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">="
    case `is` = "is", isNot = "is not", `in` = "in", notIn = "not in"
}

/// A `def` or `lambda`.
final class FunctionDef {
    struct Param {
        let name: String
        let defaultValue: Expr?
        let kind: Signature.Parameter.Kind
    }
    let name: String
    let params: [Param]
    let varargs: String?
    let varkw: String?
    let body: [Stmt]
    let line: Int
    /// Names bound in this function (its locals), found by `ScopeAnalysis`.
    var locals: Set<String> = []
    var globals: Set<String> = []
    var nonlocals: Set<String> = []
    /// True when the body contains `yield`.
    var isGenerator = false

    init(name: String, params: [Param], varargs: String?, varkw: String?, body: [Stmt], line: Int) {
        self.name = name; self.params = params; self.varargs = varargs; self.varkw = varkw
        self.body = body; self.line = line
    }
}

final class ClassDef {
    let name: String
    let bases: [CallArg]
    let body: [Stmt]
    init(name: String, bases: [CallArg], body: [Stmt]) { self.name = name; self.bases = bases; self.body = body }
}

struct ExceptHandler {
    let type: Expr?
    let name: String?
    let body: [Stmt]
    let line: Int
}

struct WithItem {
    let context: Expr
    let target: Expr?
}

final class Stmt {
    enum Kind {
        case expr(Expr)
        case assign([Expr], Expr)
        case augAssign(Expr, BinaryOp, Expr)
        case annAssign(Expr, Expr?)
        case `if`(Expr, [Stmt], [Stmt])
        case `while`(Expr, [Stmt], [Stmt])
        case `for`(Expr, Expr, [Stmt], [Stmt])
        case def(FunctionDef, decorators: [Expr])
        case `class`(ClassDef, decorators: [Expr])
        case `return`(Expr?)
        case pass, `break`, `continue`
        case `import`([(module: String, asName: String?)])
        case from(module: String, names: [(name: String, asName: String?)])
        case global([String])
        case nonlocal([String])
        case with([WithItem], [Stmt])
        case `try`(body: [Stmt], handlers: [ExceptHandler], orelse: [Stmt], finally: [Stmt])
        case raise(Expr?, cause: Expr?)
        case del([Expr])
        case assert(Expr, Expr?)
    }
    let kind: Kind
    let line: Int
    init(_ kind: Kind, line: Int) { self.kind = kind; self.line = line }
}
