import Testing

@Test func placeholder_QuestionBankTests() { #expect(Bool(true)) }
