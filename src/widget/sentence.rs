//! One sentence (or reporting limit) with its citation markers.

use explainer_evidence::Place;
use yew::prelude::*;

use super::citation::Citation;
use super::explainer::Shared;
use super::inlines;
use super::state::{MarkerId, OpenCard};

/// Properties of [`Sentence`].
#[derive(Properties, PartialEq)]
pub struct SentenceProps {
    /// Which sentence.
    pub place: Place,
    /// The open card, when it belongs to one of this sentence's markers.
    pub card: Option<OpenCard>,
}

/// A sentence as an element that navigation can focus, its markers numbered in order.
#[component]
pub fn Sentence(props: &SentenceProps) -> Html {
    let Some(shared) = use_context::<Shared>() else {
        return Html::default();
    };
    let Some(text) = shared.evidence.text(&props.place) else {
        return Html::default();
    };
    let mut ordinal = 0;
    let mut cite = |number| {
        let marker = MarkerId {
            place: props.place.clone(),
            ordinal,
        };
        ordinal += 1;
        let card = props.card.clone().filter(|c| c.marker == marker);
        html! { <Citation {marker} {number} {card} /> }
    };
    html! {
        <span class="ex-sentence" id={shared.ids.sentence(&props.place)} tabindex="-1">
            { inlines::render(text, &mut cite) }
        </span>
    }
}
