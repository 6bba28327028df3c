import Testing

@Test func placeholder_MiniTFTests() { #expect(Bool(true)) }
