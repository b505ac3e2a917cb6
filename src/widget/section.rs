//! One section of the reasoning, behind a disclosure button.

use explainer_evidence::{Part, Place, SectionId};
use yew::prelude::*;

use super::explainer::Shared;
use super::sentence;
use super::state::{Action, OpenCard};

/// A numbered section title that opens and closes the section's text in place.
pub fn view(shared: &Shared, id: &SectionId, open: bool, card: Option<&OpenCard>) -> Html {
    let Some((index, section)) = shared.evidence.section(id) else {
        return Html::default();
    };
    let ids = &shared.ids;
    let onclick = {
        let (dispatch, id) = (shared.dispatch.clone(), id.clone());
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::ToggleSection(id.clone())))
    };
    let sentences = (0..section.sentences.len()).map(|sentence| {
        let place = Place {
            part: Part::Section(id.clone()),
            sentence,
        };
        html! { <>{ sentence::view(shared, &place, card) }{ " " }</> }
    });
    html! {
        <div class="ex-section">
            <h3 class="ex-section-heading">
                <button
                    type="button"
                    class="ex-disclosure"
                    id={ids.section_button(id)}
                    aria-expanded={open.to_string()}
                    aria-controls={ids.section_panel(id)}
                    {onclick}
                >
                    <span class="ex-section-number">{ index + 1 }</span>
                    <span class="ex-section-title">{ section.title.clone() }</span>
                    <span class="ex-chevron" aria-hidden="true"></span>
                </button>
            </h3>
            <div class="ex-panel" id={ids.section_panel(id)} hidden={!open}>
                <p>{ for sentences }</p>
            </div>
        </div>
    }
}
