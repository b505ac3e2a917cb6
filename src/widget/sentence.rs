//! One sentence (or reporting limit) with its citation markers.

use explainer_evidence::Place;
use yew::prelude::*;

use super::citation::Citation;
use super::context::Shared;
use super::inlines;
use super::state::{MarkerId, OpenCard};

/// A sentence as an element that navigation can focus, its markers numbered in order. `card` is
/// the open card, if any; only the marker it belongs to shows it.
pub fn view(shared: &Shared, place: &Place, card: Option<&OpenCard>) -> Html {
    let Some(text) = shared.evidence.text(place) else {
        return Html::default();
    };
    let mut ordinal = 0;
    let mut cite = |number| {
        let marker = MarkerId {
            place: place.clone(),
            ordinal,
        };
        ordinal += 1;
        let card = card.filter(|c| c.marker == marker).cloned();
        html! { <Citation shared={shared.clone()} {marker} {number} {card} /> }
    };
    html! {
        <span class="ex-sentence" id={shared.ids.sentence(place)} tabindex="-1">
            { inlines::render(text, shared.locale.words.opens_new_tab, &mut cite) }
        </span>
    }
}
