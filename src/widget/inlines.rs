//! Parsed text to virtual DOM. Every string becomes a text node, never markup.

use explainer_evidence::{CitationNumber, Inline};
use yew::prelude::*;

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

/// Words of the widget with text from the evidence set in them, as [`super::labels`] makes
/// them: each stretch between U+2068 and U+2069 (first strong isolate, pop directional isolate)
/// becomes a `<bdi>`, so a Latin name in Arabic words (or the reverse) keeps its place, and the
/// marks themselves never reach the page.
pub fn isolated(text: &str) -> Html {
    text.split('\u{2069}')
        .map(|chunk| match chunk.split_once('\u{2068}') {
            Some((words, inner)) => {
                html! { <>{ words.to_owned() }<bdi>{ inner.to_owned() }</bdi></> }
            }
            None => html! { { chunk.to_owned() } },
        })
        .collect()
}
