/// Finds each function's local names (Python decides statically: a name assigned anywhere in a function body is
/// local to it, unless declared `global`/`nonlocal`), so reads before assignment raise UnboundLocalError.
enum ScopeAnalysis {
    static func analyzeModule(_ body: [Stmt]) {
        for s in body { visitStmt(s, into: nil) }
    }

    private static func analyze(_ f: FunctionDef) {
        var bound = Set<String>()
        var globals = Set<String>(), nonlocals = Set<String>()
        for p in f.params { bound.insert(p.name) }
        if let v = f.varargs { bound.insert(v) }
        if let v = f.varkw { bound.insert(v) }
        var collector = Collector()
        for s in f.body { collector.stmt(s) }
        bound.formUnion(collector.bound)
        globals = collector.globals
        nonlocals = collector.nonlocals
        f.locals = bound.subtracting(globals).subtracting(nonlocals)
        f.globals = globals
        f.nonlocals = nonlocals
        for s in f.body { visitStmt(s, into: f) }
    }

    /// Recurse to find nested functions (defs and lambdas) and analyze each.
    private static func visitStmt(_ s: Stmt, into f: FunctionDef?) {
        switch s.kind {
        case .def(let g, let decorators):
            for d in decorators { visitExpr(d) }
            for p in g.params { if let d = p.defaultValue { visitExpr(d) } }
            analyze(g)
        case .class(let c, let decorators):
            for d in decorators { visitExpr(d) }
            for b in c.bases { visitArg(b) }
            for t in c.body { visitStmt(t, into: nil) }
        case .expr(let e): visitExpr(e)
        case .assign(let ts, let v): ts.forEach(visitExpr); visitExpr(v)
        case .augAssign(let t, _, let v): visitExpr(t); visitExpr(v)
        case .annAssign(let t, let v): visitExpr(t); if let v { visitExpr(v) }
        case .if(let t, let a, let b), .while(let t, let a, let b):
            visitExpr(t); a.forEach { visitStmt($0, into: f) }; b.forEach { visitStmt($0, into: f) }
        case .for(let t, let it, let a, let b):
            visitExpr(t); visitExpr(it); a.forEach { visitStmt($0, into: f) }; b.forEach { visitStmt($0, into: f) }
        case .return(let e): if let e { visitExpr(e) }
        case .with(let items, let body):
            for it in items { visitExpr(it.context); if let t = it.target { visitExpr(t) } }
            body.forEach { visitStmt($0, into: f) }
        case .try(let body, let handlers, let orelse, let fin):
            body.forEach { visitStmt($0, into: f) }
            for h in handlers { if let t = h.type { visitExpr(t) }; h.body.forEach { visitStmt($0, into: f) } }
            orelse.forEach { visitStmt($0, into: f) }; fin.forEach { visitStmt($0, into: f) }
        case .raise(let e, let c): if let e { visitExpr(e) }; if let c { visitExpr(c) }
        case .del(let ts): ts.forEach(visitExpr)
        case .assert(let t, let m): visitExpr(t); if let m { visitExpr(m) }
        case .pass, .break, .continue, .import, .from, .global, .nonlocal: break
        }
    }

    private static func visitArg(_ a: CallArg) {
        switch a {
        case .positional(let e), .star(let e), .keyword(_, let e), .doubleStar(let e): visitExpr(e)
        }
    }

    private static func visitExpr(_ e: Expr) {
        switch e {
        case .lambda(let g):
            for p in g.params { if let d = p.defaultValue { visitExpr(d) } }
            analyze(g)
        case .name, .constant: break
        case .fstring(let parts): visitParts(parts)
        case .list(let xs), .tuple(let xs), .set(let xs): xs.forEach(visitExpr)
        case .dict(let items):
            for it in items { switch it { case .pair(let k, let v): visitExpr(k); visitExpr(v); case .unpack(let x): visitExpr(x) } }
        case .starred(let x), .attribute(let x, _), .unary(_, let x), .namedExpr(_, let x): visitExpr(x)
        case .subscript(let a, let b), .binary(_, let a, let b), .and(let a, let b), .or(let a, let b): visitExpr(a); visitExpr(b)
        case .slice(let a, let b, let c): [a, b, c].compactMap { $0 }.forEach(visitExpr)
        case .call(let f, let args): visitExpr(f); args.forEach(visitArg)
        case .compare(let a, let rest): visitExpr(a); rest.forEach { visitExpr($0.1) }
        case .ifExp(let a, let b, let c): visitExpr(a); visitExpr(b); visitExpr(c)
        case .listComp(let x, let cs), .setComp(let x, let cs), .genExp(let x, let cs):
            visitExpr(x); visitComps(cs)
        case .dictComp(let k, let v, let cs): visitExpr(k); visitExpr(v); visitComps(cs)
        case .yieldValue(let x, _): if let x { visitExpr(x) }
        }
    }
    private static func visitComps(_ cs: [Comprehension]) {
        for c in cs { visitExpr(c.target); visitExpr(c.iter); c.ifs.forEach(visitExpr) }
    }
    private static func visitParts(_ parts: [FStringPart]) {
        for p in parts { if case .field(let e, _, let spec, _) = p { visitExpr(e); if let s = spec { visitParts(s) } } }
    }

    /// Collects names bound by statements of one function body (not descending into nested scopes).
    private struct Collector {
        var bound = Set<String>()
        var globals = Set<String>()
        var nonlocals = Set<String>()

        mutating func target(_ e: Expr) {
            switch e {
            case .name(let n): bound.insert(n)
            case .tuple(let xs), .list(let xs): xs.forEach { target($0) }
            case .starred(let x): target(x)
            default: break
            }
        }
        mutating func walrus(_ e: Expr) {
            // named expressions bind in the enclosing function
            switch e {
            case .namedExpr(let n, let x): bound.insert(n); walrus(x)
            case .binary(_, let a, let b), .and(let a, let b), .or(let a, let b), .subscript(let a, let b): walrus(a); walrus(b)
            case .compare(let a, let rest): walrus(a); rest.forEach { walrus($0.1) }
            case .call(let f, let args):
                walrus(f)
                for a in args { switch a { case .positional(let x), .star(let x), .keyword(_, let x), .doubleStar(let x): walrus(x) } }
            case .listComp(let x, let cs), .setComp(let x, let cs), .genExp(let x, let cs):
                walrus(x); cs.forEach { c in walrus(c.iter); c.ifs.forEach { walrus($0) } }
            case .unary(_, let x), .attribute(let x, _), .starred(let x): walrus(x)
            case .ifExp(let a, let b, let c): walrus(a); walrus(b); walrus(c)
            case .list(let xs), .tuple(let xs), .set(let xs): xs.forEach { walrus($0) }
            default: break
            }
        }
        mutating func stmt(_ s: Stmt) {
            switch s.kind {
            case .assign(let ts, let v): ts.forEach { target($0) }; walrus(v)
            case .augAssign(let t, _, _): target(t)
            case .annAssign(let t, _): target(t)
            case .for(let t, let it, let body, let orelse):
                target(t); walrus(it); body.forEach { stmt($0) }; orelse.forEach { stmt($0) }
            case .if(let t, let a, let b), .while(let t, let a, let b):
                walrus(t); a.forEach { stmt($0) }; b.forEach { stmt($0) }
            case .def(let f, _): bound.insert(f.name)
            case .class(let c, _): bound.insert(c.name)
            case .import(let items):
                for it in items { bound.insert(it.asName ?? String(it.module.split(separator: ".").first ?? "")) }
            case .from(_, let names): for n in names where n.name != "*" { bound.insert(n.asName ?? n.name) }
            case .global(let ns): globals.formUnion(ns)
            case .nonlocal(let ns): nonlocals.formUnion(ns)
            case .with(let items, let body):
                for it in items { if let t = it.target { target(t) } }
                body.forEach { stmt($0) }
            case .try(let body, let handlers, let orelse, let fin):
                body.forEach { stmt($0) }
                for h in handlers { if let n = h.name { bound.insert(n) }; h.body.forEach { stmt($0) } }
                orelse.forEach { stmt($0) }; fin.forEach { stmt($0) }
            case .del(let ts): ts.forEach { target($0) }
            case .expr(let e): walrus(e)
            case .return(let e): if let e { walrus(e) }
            default: break
            }
        }
    }
}
