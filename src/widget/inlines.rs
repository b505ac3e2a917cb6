//! Parsed text to virtual DOM. Every string becomes a text node, never markup.

use explainer_evidence::{CitationNumber, Inline};
use yew::prelude::*;

/// Renders `nodes`, asking `cite` for each citation marker in order. Recursion depth is bounded
/// by validation ([`explainer_evidence::MAX_INLINE_DEPTH`]).
pub fn render(nodes: &[Inline], cite: &mut dyn FnMut(CitationNumber) -> Html) -> Html {
    nodes
        .iter()
        .map(|node| match node {
            Inline::Text(text) => html! { {text.clone()} },
            Inline::Em(children) => html! { <em>{ render(children, cite) }</em> },
            Inline::Strong(children) => html! { <strong>{ render(children, cite) }</strong> },
            Inline::Code(code) => html! { <code>{ code.clone() }</code> },
            Inline::Link(link) => html! {
                <a href={link.href.clone()} target="_blank" rel="noopener noreferrer">
                    { render(&link.children, cite) }
                    <span class="ex-vh">{ " (opens in a new tab)" }</span>
                </a>
            },
            Inline::Cite(number) => cite(*number),
        })
        .collect()
}
