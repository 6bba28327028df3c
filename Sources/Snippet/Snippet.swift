// Snippet
