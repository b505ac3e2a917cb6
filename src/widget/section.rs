//! One section of the reasoning, behind a disclosure button.

use explainer_evidence::{Part, Place, SectionId};
use yew::prelude::*;

use super::disclosure;
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
            { disclosure::view(shared, disclosure::Heading {
                id: ids.section_button(id),
                panel: ids.section_panel(id),
                open,
                class: "",
                label: html! {
                    <>
                        <span class="ex-section-number">{ index + 1 }</span>
                        <span class="ex-section-title">{ section.title.clone() }</span>
                    </>
                },
                onclick,
                level: shared.heading + 2,
            }) }
            <div class="ex-panel" id={ids.section_panel(id)} HIDDEN={disclosure::hidden(open)}>
                // The deep link's anchor is inside the panel, so following it with no script
                // opens the panel (hidden="until-found" is revealed for a fragment).
                <p id={shared.anchors.then(|| ids.section_anchor(id)).flatten()}>{ for sentences }</p>
            </div>
        </div>
    }
}
