// Explain
