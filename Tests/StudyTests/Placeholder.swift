import Testing

@Test func placeholder_StudyTests() { #expect(Bool(true)) }
