//! One section of the reasoning, behind a disclosure button.

use explainer_evidence::{Part, Place, SectionId};
use yew::prelude::*;

use super::explainer::Shared;
use super::sentence::Sentence;
use super::state::{Action, OpenCard};

/// Properties of [`Section`].
#[derive(Properties, PartialEq)]
pub struct SectionProps {
    /// Which section.
    pub id: SectionId,
    /// Whether it is open.
    pub open: bool,
    /// The open card, if any.
    pub card: Option<OpenCard>,
}

/// A numbered section title that opens and closes the section's text in place.
#[component]
pub fn Section(props: &SectionProps) -> Html {
    let Some(shared) = use_context::<Shared>() else {
        return Html::default();
    };
    let Some((index, section)) = shared.evidence.section(&props.id) else {
        return Html::default();
    };
    let ids = &shared.ids;
    let onclick = {
        let (dispatch, id) = (shared.dispatch.clone(), props.id.clone());
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::ToggleSection(id.clone())))
    };
    let sentences = (0..section.sentences.len()).map(|sentence| {
        let place = Place {
            part: Part::Section(props.id.clone()),
            sentence,
        };
        html! { <><Sentence {place} card={props.card.clone()} />{ " " }</> }
    });
    html! {
        <div class="ex-section">
            <h3 class="ex-section-heading">
                <button
                    type="button"
                    class="ex-disclosure"
                    id={ids.section_button(&props.id)}
                    aria-expanded={props.open.to_string()}
                    aria-controls={ids.section_panel(&props.id)}
                    {onclick}
                >
                    <span class="ex-section-number">{ index + 1 }</span>
                    <span class="ex-section-title">{ section.title.clone() }</span>
                    <span class="ex-chevron" aria-hidden="true"></span>
                </button>
            </h3>
            <div class="ex-panel" id={ids.section_panel(&props.id)} hidden={!props.open}>
                <p>{ for sentences }</p>
            </div>
        </div>
    }
}
