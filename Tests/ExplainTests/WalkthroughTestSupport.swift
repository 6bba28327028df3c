import Terminal
@testable import Explain

/// The plain-text (no colour) rendering of walkthrough `op` in `language`, with the request's other options set by
/// `configure` — what the snapshot tests compare.
func renderedPlain(_ op: String, _ language: ExplainLanguage,
                   _ configure: (inout ExplainRequest) -> Void = { _ in }) throws -> String {
    var r = ExplainRequest()
    r.language = language
    configure(&r)
    return try Explainer.explain(op, r).rendered(language: language, style: Style(enabled: false))
}
