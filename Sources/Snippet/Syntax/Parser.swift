import Foundation

/// Recursive-descent parser for the Python subset (SPEC §3). Never traps: every failure is a `SyntaxErrorInfo`
/// with Python 3.11's wording where it matters, and nesting is bounded.
struct Parser {
    private var tokens: [Token]
    private var i = 0
    private var depth = 0
    private var blockDepth = 0
    private var functionDepth = 0
    private var loopDepth = 0
    /// One flag per function being parsed: did its body use `yield`?
    private var generatorFlags: [Bool] = []
    /// Maximum nesting of expressions (parentheses, unary operators, ...).
    static let maxDepth = 500
    /// Maximum length of an operator chain (`1+1+...`), which the evaluator walks recursively.
    static let maxChain = 5000

    init(tokens: [Token]) { self.tokens = tokens }

    /// Parses a whole module.
    static func parse(_ source: String) throws -> [Stmt] {
        var p = Parser(tokens: try Lexer.tokenize(source))
        let body = try p.parseFile()
        ScopeAnalysis.analyzeModule(body)
        return body
    }

    // MARK: token helpers

    private var tok: Token { tokens[min(i, tokens.count - 1)] }
    private func peekTok(_ o: Int) -> Token { tokens[min(i + o, tokens.count - 1)] }
    private mutating func advance() -> Token { let t = tok; if i < tokens.count - 1 { i += 1 }; return t }
    private func at(_ op: String) -> Bool { tok.isOp(op) }
    private func atName(_ kw: String) -> Bool { tok.isName(kw) }
    private mutating func accept(_ op: String) -> Bool { if at(op) { i += 1; return true }; return false }
    private mutating func acceptName(_ kw: String) -> Bool { if atName(kw) { i += 1; return true }; return false }

    private func error(_ m: String, _ t: Token? = nil) -> SyntaxErrorInfo {
        let t = t ?? tok
        return SyntaxErrorInfo(message: m, line: t.line, column: t.column + 1)
    }
    /// The generic error at the current token, as Python words it.
    private func invalid() -> SyntaxErrorInfo {
        let t = tok
        switch t.kind {
        case .indent:
            var e = error("unexpected indent"); e.isIndentation = true; return e
        case .dedent:
            var e = error("unindent does not match any outer indentation level"); e.isIndentation = true; return e
        case .eof:
            return error("invalid syntax")
        default:
            return error("invalid syntax")
        }
    }
    private mutating func expect(_ op: String) throws {
        if accept(op) { return }
        if op == ":" { throw tok.kind == .newline || tok.kind == .eof ? error("expected ':'") : invalid() }
        if op == ")" || op == "]" || op == "}" { throw invalid() }
        throw invalid()
    }
    private mutating func expectName() throws -> String {
        guard tok.kind == .name, !pythonKeywords.contains(tok.text) else { throw invalid() }
        return advance().text
    }
    private mutating func enter() throws {
        depth += 1
        if depth > Parser.maxDepth { throw error("too many nested parentheses") }
    }
    private mutating func leave() { depth -= 1 }

    // MARK: statements

    mutating func parseFile() throws -> [Stmt] {
        var body: [Stmt] = []
        while tok.kind != .eof {
            if tok.kind == .newline { i += 1; continue }
            body += try parseStatement()
        }
        return body
    }

    private mutating func parseStatement() throws -> [Stmt] {
        let t = tok
        if t.kind == .indent { throw invalid() }
        if t.kind == .op && t.text == "@" { return [try parseDecorated()] }
        if t.kind == .name {
            switch t.text {
            case "if": return [try parseIf()]
            case "while": return [try parseWhile()]
            case "for": return [try parseFor()]
            case "def": return [try parseDef(decorators: [])]
            case "class": return [try parseClass(decorators: [])]
            case "with": return [try parseWith()]
            case "try": return [try parseTry()]
            case "async": throw error("async code is not supported in tensorprep snippets")
            default: break
            }
        }
        return try parseSimpleStatements()
    }

    private mutating func parseDecorated() throws -> Stmt {
        var decorators: [Expr] = []
        while accept("@") {
            decorators.append(try parseNamedExprTest())
            guard tok.kind == .newline else { throw invalid() }
            i += 1
        }
        if atName("def") { return try parseDef(decorators: decorators) }
        if atName("class") { return try parseClass(decorators: decorators) }
        throw invalid()
    }

    private mutating func parseSimpleStatements() throws -> [Stmt] {
        var out = [try parseSmall()]
        while accept(";") {
            if tok.kind == .newline || tok.kind == .eof { break }
            out.append(try parseSmall())
        }
        guard tok.kind == .newline || tok.kind == .eof else { throw invalid() }
        if tok.kind == .newline { i += 1 }
        return out
    }

    /// `':' block` with the IndentationError Python gives for a missing body.
    private mutating func parseBlock(after what: String, line: Int) throws -> [Stmt] {
        try expect(":")
        if tok.kind == .newline {
            i += 1
            guard tok.kind == .indent else {
                var e = error("expected an indented block after \(what) on line \(line)")
                e.isIndentation = true
                throw e
            }
            i += 1
            blockDepth += 1
            defer { blockDepth -= 1 }
            if blockDepth > 100 { throw error("too many statically nested blocks") }
            var body: [Stmt] = []
            while tok.kind != .dedent && tok.kind != .eof {
                if tok.kind == .newline { i += 1; continue }
                body += try parseStatement()
            }
            if tok.kind == .dedent { i += 1 }
            return body
        }
        return try parseSimpleStatements()
    }

    private mutating func parseIf() throws -> Stmt {
        let kw = advance()
        let test = try parseNamedExprTest()
        let body = try parseBlock(after: "'\(kw.text)' statement", line: kw.line)
        var orelse: [Stmt] = []
        if atName("elif") {
            orelse = [try parseIf()]
        } else if atName("else") {
            let e = advance()
            orelse = try parseBlock(after: "'else' statement", line: e.line)
        }
        return Stmt(.if(test, body, orelse), line: kw.line)
    }

    private mutating func parseWhile() throws -> Stmt {
        let kw = advance()
        let test = try parseNamedExprTest()
        loopDepth += 1
        let body = try parseBlock(after: "'while' statement", line: kw.line)
        loopDepth -= 1
        var orelse: [Stmt] = []
        if atName("else") { let e = advance(); orelse = try parseBlock(after: "'else' statement", line: e.line) }
        return Stmt(.while(test, body, orelse), line: kw.line)
    }

    private mutating func parseFor() throws -> Stmt {
        let kw = advance()
        let target = try parseTargetList()
        guard acceptName("in") else { throw invalid() }
        let iter = try parseTestListStar()
        loopDepth += 1
        let body = try parseBlock(after: "'for' statement", line: kw.line)
        loopDepth -= 1
        var orelse: [Stmt] = []
        if atName("else") { let e = advance(); orelse = try parseBlock(after: "'else' statement", line: e.line) }
        return Stmt(.for(target, iter, body, orelse), line: kw.line)
    }

    private mutating func parseDef(decorators: [Expr]) throws -> Stmt {
        let kw = advance()
        let name = try expectName()
        try expect("(")
        let (params, varargs, varkw) = try parseParameters(closing: ")")
        try expect(")")
        if accept("->") { _ = try parseTest() }
        let savedLoop = loopDepth
        loopDepth = 0
        functionDepth += 1
        generatorFlags.append(false)
        let body = try parseBlock(after: "function definition", line: kw.line)
        let isGenerator = generatorFlags.removeLast()
        functionDepth -= 1
        loopDepth = savedLoop
        let f = FunctionDef(name: name, params: params, varargs: varargs, varkw: varkw, body: body, line: kw.line)
        f.isGenerator = isGenerator
        return Stmt(.def(f, decorators: decorators), line: kw.line)
    }

    private mutating func parseParameters(closing: String) throws -> ([FunctionDef.Param], String?, String?) {
        var params: [FunctionDef.Param] = []
        var varargs: String?, varkw: String?
        var kwOnly = false
        var sawDefault = false
        while !at(closing) {
            if accept("**") {
                varkw = try expectName()
                if closing == ")", accept(":") { _ = try parseTest() }
                _ = accept(",")
                break
            } else if accept("*") {
                if kwOnly { throw error("* argument may appear only once") }
                kwOnly = true
                if at(",") && peekTok(1).isOp("**") || at(closing) { throw error("named arguments must follow bare *") }
                if tok.kind == .name {
                    varargs = try expectName()
                    if closing == ")", accept(":") { _ = try parseTest() }
                }
            } else if accept("/") {
                // positional-only marker: everything so far becomes positional-only
                params = params.map { FunctionDef.Param(name: $0.name, defaultValue: $0.defaultValue, kind: .positionalOnly) }
            } else {
                let nameTok = tok
                let name = try expectName()
                if params.contains(where: { $0.name == name }) || name == varargs {
                    throw error("duplicate argument '\(name)' in function definition", nameTok)
                }
                if closing == ")", accept(":") { _ = try parseTest() }
                var d: Expr?
                if accept("=") { d = try parseTest(); sawDefault = true }
                else if sawDefault && !kwOnly { throw error("non-default argument follows default argument", nameTok) }
                params.append(FunctionDef.Param(name: name, defaultValue: d, kind: kwOnly ? .keywordOnly : .positionalOrKeyword))
            }
            if !accept(",") { break }
        }
        return (params, varargs, varkw)
    }

    private mutating func parseClass(decorators: [Expr]) throws -> Stmt {
        let kw = advance()
        let name = try expectName()
        var bases: [CallArg] = []
        if accept("(") { bases = try parseCallArgs(); try expect(")") }
        let savedLoop = loopDepth
        loopDepth = 0
        let body = try parseBlock(after: "class definition", line: kw.line)
        loopDepth = savedLoop
        return Stmt(.class(ClassDef(name: name, bases: bases, body: body), decorators: decorators), line: kw.line)
    }

    private mutating func parseWith() throws -> Stmt {
        let kw = advance()
        var items: [WithItem] = []
        let parenthesized = at("(") && {
            // `with (a as b, c):` form — only when an `as` appears at depth 1 before the matching ')'
            var j = i + 1, d = 1
            while j < tokens.count, d > 0 {
                let t = tokens[j]
                if t.isOp("(") || t.isOp("[") || t.isOp("{") { d += 1 }
                if t.isOp(")") || t.isOp("]") || t.isOp("}") { d -= 1 }
                if d == 1 && t.isName("as") { return true }
                j += 1
            }
            return false
        }()
        if parenthesized { i += 1 }
        repeat {
            if parenthesized && at(")") { break }
            let ctx = try parseTest()
            var target: Expr?
            if acceptName("as") { target = try parseTarget() }
            items.append(WithItem(context: ctx, target: target))
        } while accept(",")
        if parenthesized { try expect(")") }
        let body = try parseBlock(after: "'with' statement", line: kw.line)
        return Stmt(.with(items, body), line: kw.line)
    }

    private mutating func parseTry() throws -> Stmt {
        let kw = advance()
        let body = try parseBlock(after: "'try' statement", line: kw.line)
        var handlers: [ExceptHandler] = []
        var orelse: [Stmt] = [], fin: [Stmt] = []
        while atName("except") {
            let ex = advance()
            var type: Expr?, name: String?
            if !at(":") {
                type = try parseTest()
                if at(",") {
                    throw error("multiple exception types must be parenthesized")
                }
                if acceptName("as") { name = try expectName() }
            }
            let hb = try parseBlock(after: "'except' statement", line: ex.line)
            handlers.append(ExceptHandler(type: type, name: name, body: hb, line: ex.line))
        }
        if atName("else") {
            if handlers.isEmpty { throw invalid() }
            let e = advance(); orelse = try parseBlock(after: "'else' statement", line: e.line)
        }
        if atName("finally") { let f = advance(); fin = try parseBlock(after: "'finally' statement", line: f.line) }
        if handlers.isEmpty && fin.isEmpty { throw error("expected 'except' or 'finally' block") }
        return Stmt(.try(body: body, handlers: handlers, orelse: orelse, finally: fin), line: kw.line)
    }

    private mutating func parseDottedName() throws -> String {
        var parts = [try expectName()]
        while accept(".") { parts.append(try expectName()) }
        return parts.joined(separator: ".")
    }

    private mutating func parseSmall() throws -> Stmt {
        let t = tok
        let line = t.line
        if t.kind == .name {
            switch t.text {
            case "pass": i += 1; return Stmt(.pass, line: line)
            case "break":
                i += 1
                if loopDepth == 0 { throw error("'break' outside loop", t) }
                return Stmt(.break, line: line)
            case "continue":
                i += 1
                if loopDepth == 0 { throw error("'continue' not properly in loop", t) }
                return Stmt(.continue, line: line)
            case "return":
                i += 1
                if functionDepth == 0 { throw error("'return' outside function", t) }
                if tok.kind == .newline || at(";") || tok.kind == .eof { return Stmt(.return(nil), line: line) }
                return Stmt(.return(try parseTestListStar()), line: line)
            case "raise":
                i += 1
                if tok.kind == .newline || at(";") || tok.kind == .eof { return Stmt(.raise(nil, cause: nil), line: line) }
                let e = try parseTest()
                var cause: Expr?
                if acceptName("from") { cause = try parseTest() }
                return Stmt(.raise(e, cause: cause), line: line)
            case "global", "nonlocal":
                i += 1
                var names = [try expectName()]
                while accept(",") { names.append(try expectName()) }
                return Stmt(t.text == "global" ? .global(names) : .nonlocal(names), line: line)
            case "del":
                i += 1
                var targets = [try parseDelTarget()]
                while accept(",") {
                    if tok.kind == .newline || tok.kind == .eof { break }
                    targets.append(try parseDelTarget())
                }
                return Stmt(.del(targets), line: line)
            case "assert":
                i += 1
                let test = try parseTest()
                var msg: Expr?
                if accept(",") { msg = try parseTest() }
                return Stmt(.assert(test, msg), line: line)
            case "import":
                i += 1
                var items: [(module: String, asName: String?)] = []
                repeat {
                    let m = try parseDottedName()
                    var asName: String?
                    if acceptName("as") { asName = try expectName() }
                    items.append((m, asName))
                } while accept(",")
                return Stmt(.import(items), line: line)
            case "from":
                i += 1
                var dots = ""
                while at(".") || at("...") { dots += advance().text }
                let m = dots + (atName("import") ? "" : try parseDottedName())
                guard acceptName("import") else { throw invalid() }
                var names: [(name: String, asName: String?)] = []
                if accept("*") { return Stmt(.from(module: m, names: [("*", nil)]), line: line) }
                let paren = accept("(")
                repeat {
                    if paren && at(")") { break }
                    let n = try expectName()
                    var asName: String?
                    if acceptName("as") { asName = try expectName() }
                    names.append((n, asName))
                } while accept(",")
                if paren { try expect(")") }
                return Stmt(.from(module: m, names: names), line: line)
            case "yield":
                return Stmt(.expr(try parseYield()), line: line)
            case "else", "elif", "except", "finally":
                throw invalid()
            default: break
            }
        }
        // Python 2 print statement
        if t.isName("print"), peekTok(1).kind == .string || (peekTok(1).kind == .name && !pythonKeywords.contains(peekTok(1).text)) || peekTok(1).kind == .int {
            throw error("Missing parentheses in call to 'print'. Did you mean print(...)?", t)
        }
        // expression, assignment, augmented assignment
        let first = try parseTestListStar()
        if at("=") {
            var targets = [first]
            var value = first
            while accept("=") {
                value = atName("yield") ? try parseYield() : try parseTestListStar()
                targets.append(value)
            }
            targets.removeLast()
            for target in targets { try checkTarget(target, at: t) }
            return Stmt(.assign(targets, value), line: line)
        }
        if tok.kind == .op, tok.text.count >= 2, tok.text.hasSuffix("="), let op = BinaryOp(rawValue: String(tok.text.dropLast())) {
            let opTok = advance()
            switch first {
            case .name, .attribute, .subscript: break
            case .tuple: throw error("'tuple' is an illegal expression for augmented assignment", t)
            case .list: throw error("'list' is an illegal expression for augmented assignment", t)
            default: throw error("'\(describe(first))' is an illegal expression for augmented assignment", t)
            }
            _ = opTok
            let value = try parseTestListStar()
            return Stmt(.augAssign(first, op, value), line: line)
        }
        if accept(":") {
            let annotation = try parseTest()
            _ = annotation
            var value: Expr?
            if accept("=") { value = try parseTestListStar() }
            try checkTarget(first, at: t)
            return Stmt(.annAssign(first, value), line: line)
        }
        return Stmt(.expr(first), line: line)
    }

    /// `yield [expr]` or `yield from expr`, only directly inside a `def`.
    private mutating func parseYield() throws -> Expr {
        let t = advance()
        guard functionDepth > 0, !generatorFlags.isEmpty else { throw error("'yield' outside function", t) }
        generatorFlags[generatorFlags.count - 1] = true
        if acceptName("from") { return .yieldValue(try parseTest(), from: true) }
        if tok.kind == .newline || tok.kind == .eof || at(";") || at(")") { return .yieldValue(nil, from: false) }
        return .yieldValue(try parseTestListStar(), from: false)
    }

    private func describe(_ e: Expr) -> String {
        switch e {
        case .constant(let v):
            switch v { case .none: return "None"; case .bool(let b): return b ? "True" : "False"; default: return "literal" }
        case .call: return "function call"
        case .binary, .unary: return "expression"
        case .and, .or: return "expression"
        case .compare: return "comparison"
        case .ifExp: return "conditional expression"
        case .lambda: return "lambda"
        case .listComp: return "list comprehension"
        case .dictComp: return "dict comprehension"
        case .setComp: return "set comprehension"
        case .genExp: return "generator expression"
        case .dict: return "dict literal"
        case .set: return "set display"
        case .fstring: return "f-string expression"
        case .namedExpr: return "named expression"
        default: return "expression"
        }
    }

    private func checkTarget(_ e: Expr, at t: Token) throws {
        switch e {
        case .name, .attribute, .subscript: return
        case .tuple(let xs), .list(let xs):
            for x in xs { try checkTarget(x, at: t) }
            if xs.filter({ if case .starred = $0 { return true }; return false }).count > 1 {
                throw error("multiple starred expressions in assignment", t)
            }
        case .starred(let x): try checkTarget(x, at: t)
        case .constant(.none), .constant(.bool):
            throw error("cannot assign to \(describe(e))", t)
        case .compare, .call, .constant:
            throw error("cannot assign to \(describe(e)) here. Maybe you meant '==' instead of '='?", t)
        default:
            throw error("cannot assign to \(describe(e))", t)
        }
    }

    // MARK: targets

    private mutating func parseDelTarget() throws -> Expr {
        let t = tok
        let e = try parseOr()
        func check(_ e: Expr) throws {
            switch e {
            case .name, .attribute, .subscript: return
            case .tuple(let xs), .list(let xs): for x in xs { try check(x) }
            default: throw error("cannot delete \(describe(e))", t)
            }
        }
        try check(e)
        return e
    }

    private mutating func parseTarget() throws -> Expr {
        let t = tok
        let e = try parseOr()
        try checkTarget(e, at: t)
        return e
    }

    /// `for` targets: `x`, `i, x`, `(a, b), c`.
    private mutating func parseTargetList() throws -> Expr {
        let t = tok
        var items: [Expr] = []
        var trailingComma = false
        repeat {
            if atName("in") { break }
            if accept("*") { items.append(.starred(try parseOrExpr())) } else { items.append(try parseOrExpr()) }
            trailingComma = at(",")
        } while accept(",")
        let e: Expr = items.count == 1 && !trailingComma ? items[0] : .tuple(items)
        try checkTarget(e, at: t)
        return e
    }

    // MARK: expressions

    /// `a, *b, c` (a tuple when there is a comma).
    private mutating func parseTestListStar() throws -> Expr {
        var items: [Expr] = []
        var comma = false
        repeat {
            if tok.kind == .newline || tok.kind == .eof || at("=") || at(")") || at(":") || (comma && tok.kind == .op && tok.text.hasSuffix("=") && tok.text != "==") { break }
            if accept("*") { items.append(.starred(try parseOrExpr())) }
            else { items.append(try parseNamedExprTest()) }
            if at(",") { comma = true }
        } while accept(",")
        if items.isEmpty { throw invalid() }
        if items.count == 1 && !comma {
            if case .starred = items[0] { throw error("can't use starred expression here") }
            return items[0]
        }
        return .tuple(items)
    }

    private mutating func parseNamedExprTest() throws -> Expr {
        if tok.kind == .name, peekTok(1).isOp(":=") {
            let n = try expectName()
            i += 1
            return .namedExpr(n, try parseTest())
        }
        return try parseTest()
    }

    mutating func parseTest() throws -> Expr {
        if atName("lambda") { return try parseLambda() }
        try enter(); defer { leave() }
        let body = try parseOr()
        if atName("if") {
            i += 1
            let test = try parseOr()
            guard acceptName("else") else { throw error("expected 'else' after 'if' expression") }
            let orelse = try parseTest()
            return .ifExp(test: test, body: body, orelse: orelse)
        }
        return body
    }

    private mutating func parseTestNoCond() throws -> Expr {
        if atName("lambda") { return try parseLambda() }
        return try parseOr()
    }

    private mutating func parseLambda() throws -> Expr {
        let kw = advance()
        let (params, varargs, varkw) = try parseParameters(closing: ":")
        try expect(":")
        functionDepth += 1
        let savedLoop = loopDepth
        loopDepth = 0
        let body = try parseTest()
        loopDepth = savedLoop
        functionDepth -= 1
        let f = FunctionDef(name: "<lambda>", params: params, varargs: varargs, varkw: varkw,
                            body: [Stmt(.return(body), line: kw.line)], line: kw.line)
        return .lambda(f)
    }

    private mutating func parseOr() throws -> Expr {
        var e = try parseAnd()
        var n = 0
        while acceptName("or") {
            n += 1; if n > Parser.maxChain { throw error("expression too long") }
            e = .or(e, try parseAnd())
        }
        return e
    }
    private mutating func parseAnd() throws -> Expr {
        var e = try parseNot()
        var n = 0
        while acceptName("and") {
            n += 1; if n > Parser.maxChain { throw error("expression too long") }
            e = .and(e, try parseNot())
        }
        return e
    }
    private mutating func parseNot() throws -> Expr {
        if atName("not") {
            i += 1
            try enter(); defer { leave() }
            return .unary(.not, try parseNot())
        }
        return try parseComparison()
    }
    private mutating func parseComparison() throws -> Expr {
        let first = try parseOrExpr()
        var rest: [(CompareOp, Expr)] = []
        while true {
            var op: CompareOp?
            if tok.kind == .op {
                switch tok.text {
                case "==": op = .eq
                case "!=": op = .ne
                case "<": op = .lt
                case "<=": op = .le
                case ">": op = .gt
                case ">=": op = .ge
                default: break
                }
                if op != nil { i += 1 }
            } else if atName("in") { i += 1; op = .in }
            else if atName("not") && peekTok(1).isName("in") { i += 2; op = .notIn }
            else if atName("is") {
                i += 1
                op = acceptName("not") ? .isNot : .is
            }
            guard let o = op else { break }
            rest.append((o, try parseOrExpr()))
            if rest.count > Parser.maxChain { throw error("expression too long") }
        }
        return rest.isEmpty ? first : .compare(first, rest)
    }

    /// Binary operator levels from loosest to tightest (excluding `**`).
    private static let levels: [[String: BinaryOp]] = [
        ["|": .bitOr], ["^": .bitXor], ["&": .bitAnd], ["<<": .lshift, ">>": .rshift],
        ["+": .add, "-": .sub], ["*": .mul, "/": .div, "//": .floorDiv, "%": .mod, "@": .matmul],
    ]

    private mutating func parseOrExpr() throws -> Expr { try parseBinary(level: 0) }

    private mutating func parseBinary(level: Int) throws -> Expr {
        if level >= Parser.levels.count { return try parseFactor() }
        var e = try parseBinary(level: level + 1)
        var n = 0
        while tok.kind == .op, let op = Parser.levels[level][tok.text] {
            i += 1
            n += 1; if n > Parser.maxChain { throw error("expression too long") }
            e = .binary(op, e, try parseBinary(level: level + 1))
        }
        return e
    }

    private mutating func parseFactor() throws -> Expr {
        if tok.kind == .op, let op: UnaryOp = ["-": .neg, "+": .pos, "~": .invert][tok.text] {
            i += 1
            try enter(); defer { leave() }
            let operand = try parseFactor()
            // fold negative numeric literals so that -9223372036854775808 and reprs behave
            if op == .neg, case .constant(.int(let v)) = operand, v != Int.min { return .constant(.int(-v)) }
            if op == .neg, case .constant(.float(let v)) = operand { return .constant(.float(-v)) }
            return .unary(op, operand)
        }
        return try parsePower()
    }

    private mutating func parsePower() throws -> Expr {
        let base = try parsePrimary()
        if accept("**") {
            try enter(); defer { leave() }
            return .binary(.pow, base, try parseFactor())
        }
        return base
    }

    private mutating func parsePrimary() throws -> Expr {
        var e = try parseAtom()
        var n = 0
        while true {
            n += 1; if n > Parser.maxChain { throw error("expression too long") }
            if accept("(") {
                try enter(); defer { leave() }
                let args = try parseCallArgs()
                try expect(")")
                e = .call(e, args)
            } else if accept("[") {
                try enter(); defer { leave() }
                let idx = try parseSubscript()
                try expect("]")
                e = .subscript(e, idx)
            } else if at(".") {
                i += 1
                guard tok.kind == .name else { throw invalid() }
                e = .attribute(e, advance().text)
            } else {
                return e
            }
        }
    }

    private mutating func parseCallArgs() throws -> [CallArg] {
        var args: [CallArg] = []
        var sawKeyword = false
        while !at(")") {
            let t = tok
            if accept("**") { args.append(.doubleStar(try parseTest())); sawKeyword = true }
            else if accept("*") { args.append(.star(try parseTest())) }
            else if tok.kind == .name, peekTok(1).isOp("="), !pythonKeywords.contains(tok.text) {
                let n = advance().text
                i += 1
                args.append(.keyword(n, try parseTest()))
                sawKeyword = true
            } else {
                let e = try parseNamedExprTest()
                if at("=") {
                    throw error("expression cannot contain assignment, perhaps you meant \"==\"?", t)
                }
                if atName("for") {
                    let comps = try parseComprehensionClauses()
                    if !args.isEmpty || at(",") && !peekTok(1).isOp(")") {
                        throw error("Generator expression must be parenthesized", t)
                    }
                    args.append(.positional(.genExp(e, comps)))
                } else {
                    if sawKeyword {
                        if case .doubleStar = args.last { throw error("positional argument follows keyword argument unpacking", t) }
                        throw error("positional argument follows keyword argument", t)
                    }
                    args.append(.positional(e))
                }
            }
            if !accept(",") { break }
        }
        return args
    }

    private mutating func parseSubscript() throws -> Expr {
        var items: [Expr] = []
        var comma = false
        repeat {
            if at("]") { break }
            items.append(try parseSliceItem())
            if at(",") { comma = true }
        } while accept(",")
        if items.isEmpty { throw invalid() }
        return items.count == 1 && !comma ? items[0] : .tuple(items)
    }

    private mutating func parseSliceItem() throws -> Expr {
        if accept("*") { return .starred(try parseOrExpr()) }
        var lower: Expr?
        if !at(":") { lower = try parseNamedExprTest() }
        guard accept(":") else { return lower ?? .constant(.none) }
        var upper: Expr?, step: Expr?
        if !at(":") && !at("]") && !at(",") { upper = try parseTest() }
        if accept(":") {
            if !at("]") && !at(",") { step = try parseTest() }
        }
        return .slice(lower, upper, step)
    }

    private mutating func parseComprehensionClauses() throws -> [Comprehension] {
        var comps: [Comprehension] = []
        while atName("for") {
            i += 1
            let target = try parseTargetList()
            guard acceptName("in") else { throw invalid() }
            let iter = try parseOr()
            var ifs: [Expr] = []
            while atName("if") { i += 1; ifs.append(try parseTestNoCond()) }
            comps.append(Comprehension(target: target, iter: iter, ifs: ifs))
        }
        return comps
    }

    private mutating func parseAtom() throws -> Expr {
        let t = tok
        switch t.kind {
        case .int: i += 1; return .constant(.int(t.intValue))
        case .float: i += 1; return .constant(.float(t.floatValue))
        case .string: return try parseStrings()
        case .name:
            switch t.text {
            case "None": i += 1; return .constant(.none)
            case "True": i += 1; return .constant(.bool(true))
            case "False": i += 1; return .constant(.bool(false))
            case "lambda": return try parseLambda()
            case "yield": throw invalid()
            case "await": throw error("async code is not supported in tensorprep snippets")
            default:
                if pythonKeywords.contains(t.text) { throw invalid() }
                i += 1
                return .name(t.text)
            }
        case .op:
            switch t.text {
            case "(":
                i += 1
                try enter(); defer { leave() }
                if accept(")") { return .tuple([]) }
                if atName("yield") { let y = try parseYield(); try expect(")"); return y }
                let first: Expr = accept("*") ? .starred(try parseOrExpr()) : try parseNamedExprTest()
                if atName("for") {
                    let comps = try parseComprehensionClauses()
                    try expect(")")
                    return .genExp(first, comps)
                }
                if accept(")") {
                    if case .starred = first { throw error("cannot use starred expression here", t) }
                    return first
                }
                var items = [first]
                while accept(",") {
                    if at(")") { break }
                    items.append(accept("*") ? .starred(try parseOrExpr()) : try parseNamedExprTest())
                }
                try expect(")")
                return .tuple(items)
            case "[":
                i += 1
                try enter(); defer { leave() }
                if accept("]") { return .list([]) }
                let first: Expr = accept("*") ? .starred(try parseOrExpr()) : try parseNamedExprTest()
                if atName("for") {
                    let comps = try parseComprehensionClauses()
                    try expect("]")
                    return .listComp(first, comps)
                }
                var items = [first]
                while accept(",") {
                    if at("]") { break }
                    items.append(accept("*") ? .starred(try parseOrExpr()) : try parseNamedExprTest())
                }
                try expect("]")
                return .list(items)
            case "{":
                i += 1
                try enter(); defer { leave() }
                if accept("}") { return .dict([]) }
                if accept("**") {
                    var items: [DictItem] = [.unpack(try parseOrExpr())]
                    try parseDictRest(&items)
                    return .dict(items)
                }
                let first: Expr = accept("*") ? .starred(try parseOrExpr()) : try parseTest()
                if accept(":") {
                    let v = try parseTest()
                    if atName("for") {
                        let comps = try parseComprehensionClauses()
                        try expect("}")
                        return .dictComp(first, v, comps)
                    }
                    var items: [DictItem] = [.pair(first, v)]
                    try parseDictRest(&items)
                    return .dict(items)
                }
                if atName("for") {
                    let comps = try parseComprehensionClauses()
                    try expect("}")
                    return .setComp(first, comps)
                }
                var items = [first]
                while accept(",") {
                    if at("}") { break }
                    items.append(accept("*") ? .starred(try parseOrExpr()) : try parseTest())
                }
                try expect("}")
                return .set(items)
            case "...":
                i += 1
                return .constant(.ellipsis)
            default:
                throw invalid()
            }
        case .indent:
            var e = error("unexpected indent"); e.isIndentation = true; throw e
        case .newline, .eof, .dedent:
            throw invalid()
        }
    }

    private mutating func parseDictRest(_ items: inout [DictItem]) throws {
        while accept(",") {
            if at("}") { break }
            if accept("**") { items.append(.unpack(try parseOrExpr())); continue }
            let k = try parseTest()
            if !accept(":") { throw error("':' expected after dictionary key") }
            items.append(.pair(k, try parseTest()))
        }
        try expect("}")
    }

    /// Adjacent string literals concatenate; f-strings become `.fstring`.
    private mutating func parseStrings() throws -> Expr {
        var parts: [FStringPart] = []
        var anyF = false
        var plain = ""
        while tok.kind == .string {
            let t = advance()
            if t.isFString {
                anyF = true
                if !plain.isEmpty { parts.append(.literal(plain)); plain = "" }
                parts += try FStringParser.parse(t.stringValue, raw: t.isRaw, line: t.line, column: t.column, depth: depth)
            } else {
                plain += t.stringValue
            }
        }
        if !anyF { return .constant(.str(plain)) }
        if !plain.isEmpty { parts.append(.literal(plain)) }
        return .fstring(parts)
    }

    /// Parses a standalone expression (f-string fields). The text is wrapped in parentheses for implicit joining.
    static func parseExpression(_ text: String, line: Int, column: Int, depth: Int) throws -> Expr {
        var toks: [Token]
        do { toks = try Lexer.tokenize("(" + text + ")") } catch var e as SyntaxErrorInfo {
            e.line = line; e.column = column + 1
            e.message = "f-string: " + e.message
            throw e
        }
        toks = toks.map { t in
            var u = Token(t.kind, t.text, line: line, column: column, endColumn: column)
            u.intValue = t.intValue; u.floatValue = t.floatValue; u.stringValue = t.stringValue
            u.isFString = t.isFString; u.isRaw = t.isRaw
            return u
        }
        var p = Parser(tokens: toks)
        p.depth = depth
        let e = try p.parseTestListStar()
        while p.tok.kind == .newline { p.i += 1 }
        guard p.tok.kind == .eof else {
            throw SyntaxErrorInfo(message: "f-string: invalid syntax", line: line, column: column + 1)
        }
        return e
    }
}

/// Splits an f-string body into literal text and `{expr!conv:spec}` fields.
enum FStringParser {
    static func parse(_ body: String, raw: Bool, line: Int, column: Int, depth: Int) throws -> [FStringPart] {
        if depth > Parser.maxDepth {
            throw SyntaxErrorInfo(message: "f-string: expressions nested too deeply", line: line, column: column + 1)
        }
        let s = Array(body.unicodeScalars)
        var parts: [FStringPart] = []
        var lit = String.UnicodeScalarView()
        var k = 0
        func flush() throws {
            if lit.isEmpty { return }
            let text = String(lit)
            parts.append(.literal(raw ? text : try Lexer.decodeEscapes(text, line: line, column: column)))
            lit = String.UnicodeScalarView()
        }
        func fail(_ m: String) -> SyntaxErrorInfo { SyntaxErrorInfo(message: "f-string: " + m, line: line, column: column + 1) }
        while k < s.count {
            let c = s[k]
            if c == "{" {
                if k + 1 < s.count && s[k + 1] == "{" { lit.append("{"); k += 2; continue }
                try flush()
                // find the end of the expression: a top-level '!', ':', '=' (selfdoc) or '}'
                var j = k + 1
                var nest = 0
                var quote: Unicode.Scalar?
                var exprEnd = -1
                while j < s.count {
                    let d = s[j]
                    if let q = quote { if d == q { quote = nil }; j += 1; continue }
                    if d == "'" || d == "\"" { quote = d }
                    else if d == "(" || d == "[" || d == "{" { nest += 1 }
                    else if d == ")" || d == "]" || d == "}" {
                        if nest == 0 { exprEnd = j; break }
                        nest -= 1
                    } else if nest == 0 && (d == "!" && j + 1 < s.count && s[j + 1] != "=") { exprEnd = j; break }
                    else if nest == 0 && d == ":" { exprEnd = j; break }
                    j += 1
                }
                guard exprEnd >= 0 else { throw fail("expecting '}'") }
                var exprText = String(String.UnicodeScalarView(s[(k + 1)..<exprEnd]))
                var selfDoc: String?
                let trimmed = exprText.trimmingSpaces
                if trimmed.hasSuffix("="), !trimmed.hasSuffix("=="), !trimmed.hasSuffix("!="), !trimmed.hasSuffix("<="), !trimmed.hasSuffix(">=") {
                    selfDoc = exprText
                    exprText = String(trimmed.dropLast())
                }
                if exprText.trimmingSpaces.isEmpty { throw fail("empty expression not allowed") }
                let expr = try Parser.parseExpression(exprText, line: line, column: column, depth: depth + 1)
                j = exprEnd
                var conversion: Character?
                if s[j] == "!" {
                    guard j + 1 < s.count, "rsa".unicodeScalars.contains(s[j + 1]) else { throw fail("invalid conversion character: expected 's', 'r', or 'a'") }
                    conversion = Character(s[j + 1])
                    j += 2
                }
                var spec: [FStringPart]?
                if j < s.count && s[j] == ":" {
                    // spec runs to the matching '}' and may contain nested fields
                    var m = j + 1
                    var n = 0
                    while m < s.count {
                        if s[m] == "{" { n += 1 } else if s[m] == "}" { if n == 0 { break }; n -= 1 }
                        m += 1
                    }
                    guard m < s.count else { throw fail("expecting '}'") }
                    let specText = String(String.UnicodeScalarView(s[(j + 1)..<m]))
                    spec = try parse(specText, raw: true, line: line, column: column, depth: depth + 1)
                    j = m
                }
                guard j < s.count, s[j] == "}" else { throw fail("expecting '}'") }
                if selfDoc != nil && conversion == nil && spec == nil { conversion = "r" }
                parts.append(.field(expr, conversion: conversion, spec: spec, selfDoc: selfDoc))
                k = j + 1
            } else if c == "}" {
                if k + 1 < s.count && s[k + 1] == "}" { lit.append("}"); k += 2; continue }
                throw fail("single '}' is not allowed")
            } else {
                lit.append(c); k += 1
            }
        }
        try flush()
        return parts
    }
}
