import Testing

@Test func placeholder_SnippetTests() { #expect(Bool(true)) }
