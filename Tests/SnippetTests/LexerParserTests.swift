import Testing
@testable import Snippet

// Expected messages below are CPython 3.11.7's (`python3 -c CODE` on this machine).

@Test func lexerIndentation() throws {
    let toks = try Lexer.tokenize("if x:\n    y = 1\n    # c\n\n    z = (1,\n  2)\nw\n")
    let kinds = toks.map { $0.kind }
    #expect(kinds.filter { $0 == .indent }.count == 1)
    #expect(kinds.filter { $0 == .dedent }.count == 1)
    // implicit joining: no NEWLINE inside the parentheses
    let newlines = toks.filter { $0.kind == .newline }.map { $0.line }
    #expect(newlines == [1, 2, 6, 7])
    let w = toks.first { $0.isName("w") }
    #expect(w?.line == 7 && w?.column == 0)
}

@Test func lexerNumbersAndStrings() throws {
    let toks = try Lexer.tokenize("1_000 0x1F 1e-5 .5 3. 'a\\tb' r'a\\tb' b'x' '''multi\nline''' f'{x}'\n")
    #expect(toks[0].intValue == 1000)
    #expect(toks[1].intValue == 31)
    #expect(toks[2].floatValue == 1e-5)
    #expect(toks[3].floatValue == 0.5)
    #expect(toks[4].floatValue == 3.0)
    #expect(toks[5].stringValue == "a\tb")
    #expect(toks[6].stringValue == "a\\tb")
    #expect(toks[8].stringValue == "multi\nline")
    #expect(toks[9].isFString)
}

private func syntaxError(_ code: String) -> String? {
    runSnippet(code).error
}

@Test func syntaxErrorMessages() {
    #expect(syntaxError("x = (1,\ny = 2\n") == "SyntaxError: '(' was never closed")
    #expect(syntaxError("if x\n    pass\n") == "SyntaxError: expected ':'")
    #expect(syntaxError("def f():\nreturn 1\n") == "IndentationError: expected an indented block after function definition on line 1")
    #expect(syntaxError("  x = 1\n") == "IndentationError: unexpected indent")
    #expect(syntaxError("if 1:\n        a = 1\n    b = 2\n") == "IndentationError: unindent does not match any outer indentation level")
    #expect(syntaxError("x = 'abc\n") == "SyntaxError: unterminated string literal (detected at line 1)")
    #expect(syntaxError("x = '''abc\n") == "SyntaxError: unterminated triple-quoted string literal (detected at line 1)")
    #expect(syntaxError("1abc\n") == "SyntaxError: invalid decimal literal")
    #expect(syntaxError("print(1))\n") == "SyntaxError: unmatched ')'")
    #expect(syntaxError("x = (1, 2]\n") == "SyntaxError: closing parenthesis ']' does not match opening parenthesis '('")
    #expect(syntaxError("for = 3\n") == "SyntaxError: invalid syntax")
    #expect(syntaxError("1 = x\n") == "SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='?")
    #expect(syntaxError("f() = 3\n") == "SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?")
    #expect(syntaxError("return 5\n") == "SyntaxError: 'return' outside function")
    #expect(syntaxError("break\n") == "SyntaxError: 'break' outside loop")
    #expect(syntaxError("print 'hello'\n") == "SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?")
    #expect(syntaxError("f(a=1, 2)\n") == "SyntaxError: positional argument follows keyword argument")
    #expect(syntaxError("def f(a=1, b): pass\n") == "SyntaxError: non-default argument follows default argument")
    #expect(syntaxError("x = f'{}'\n") == "SyntaxError: f-string: empty expression not allowed")
    #expect(syntaxError("x = 1 if 2\n") == "SyntaxError: expected 'else' after 'if' expression")
    #expect(syntaxError("try:\n    pass\n") == "SyntaxError: expected 'except' or 'finally' block")
    #expect(syntaxError("del f()\n") == "SyntaxError: cannot delete function call")
    #expect(syntaxError("x = {1: 2, 3}\n") == "SyntaxError: ':' expected after dictionary key")
}

@Test func syntaxErrorReportHasLineSourceAndCaret() {
    let r = SnippetRunner.capture("a = 1\nb = (2,\n")
    #expect(r.traceback == "  File \"<stdin>\", line 2\n    b = (2,\n        ^\nSyntaxError: '(' was never closed\n")
}

@Test func nestingIsBoundedNotACrash() {
    let deep = String(repeating: "(", count: 1000) + "1" + String(repeating: ")", count: 1000)
    #expect(runSnippet(deep).error == "SyntaxError: too many nested parentheses")
    let chain = "x = " + Array(repeating: "1", count: 20_000).joined(separator: "+")
    #expect(runSnippet(chain).error?.hasPrefix("SyntaxError") == true)
    var blocks = ""
    for i in 0..<150 { blocks += String(repeating: " ", count: i) + "if 1:\n" }
    blocks += String(repeating: " ", count: 150) + "pass\n"
    #expect(runSnippet(blocks).error == "SyntaxError: too many statically nested blocks")
}
