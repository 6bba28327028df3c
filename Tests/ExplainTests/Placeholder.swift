import Testing

@Test func placeholder_ExplainTests() { #expect(Bool(true)) }
