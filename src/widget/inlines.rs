//! Parsed text to virtual DOM. Every string becomes a text node, never markup.

use explainer_evidence::{CitationNumber, Inline};
use yew::prelude::*;

use crate::locales::Piece;

/// Renders `nodes`, asking `cite` for each citation marker in order; a link says `new_tab` to
/// screen readers after its text. Recursion depth is bounded by validation
/// ([`explainer_evidence::MAX_INLINE_DEPTH`]).
pub fn render(
    nodes: &[Inline],
    new_tab: &'static str,
    cite: &mut dyn FnMut(CitationNumber) -> Html,
) -> Html {
    nodes
        .iter()
        .map(|node| match node {
            Inline::Text(text) => html! { {text.clone()} },
            Inline::Em(children) => html! { <em>{ render(children, new_tab, cite) }</em> },
            Inline::Strong(children) => {
                html! { <strong>{ render(children, new_tab, cite) }</strong> }
            }
            Inline::Code(code) => html! { <code>{ code.clone() }</code> },
            Inline::Link(link) => html! {
                <a href={link.href.clone()} target="_blank" rel="noopener noreferrer">
                    { render(&link.children, new_tab, cite) }
                    <span class="ex-vh">{ new_tab }</span>
                </a>
            },
            Inline::Cite(number) => cite(*number),
        })
        .collect()
}

/// Words of the widget with text from the evidence set in them (see [`Piece`]): the evidence's
/// each in a `<bdi>`, so it keeps its own direction inside the widget's words.
pub fn isolated(pieces: &[Piece]) -> Html {
    pieces
        .iter()
        .map(|piece| match piece {
            Piece::Words(words) => html! { { words.clone() } },
            Piece::Evidence(text) => html! { <bdi>{ text.clone() }</bdi> },
        })
        .collect()
}
