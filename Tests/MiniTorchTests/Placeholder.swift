import Testing

@Test func placeholder_MiniTorchTests() { #expect(Bool(true)) }
