//! The "Reporting limits" disclosure: what the evidence cannot show.

use explainer_evidence::{Part, Place};
use yew::prelude::*;

use super::context::Shared;
use super::disclosure;
use super::sentence;
use super::state::{Action, OpenCard};

/// The reporting limits, visibly set apart from the reasoning.
pub fn view(shared: &Shared, open: bool, card: Option<&OpenCard>) -> Html {
    let count = shared.evidence.document().limits.len();
    if count == 0 {
        return Html::default();
    }
    let onclick = {
        let dispatch = shared.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::ToggleLimits))
    };
    let words = &shared.locale.words;
    let items = (0..count).map(|sentence| {
        let place = Place {
            part: Part::Limits,
            sentence,
        };
        html! { <li>{ sentence::view(shared, &place, card) }</li> }
    });
    html! {
        <section class="ex-limits">
            { disclosure::view(shared, disclosure::Heading {
                id: shared.ids.limits_button(),
                panel: shared.ids.limits_panel(),
                open,
                class: "ex-limits-button",
                label: html! {
                    <>
                        <span class="ex-limits-icon" aria-hidden="true">{ "!" }</span>
                        <span class="ex-section-title">
                            { words.reporting_limits }
                            <span class="ex-limits-sub">{ words.what_evidence_cannot_show }</span>
                        </span>
                    </>
                },
                onclick,
                level: shared.heading + 1,
            }) }
            <div class="ex-panel" id={shared.ids.limits_panel()} HIDDEN={disclosure::hidden(open)}>
                <ul class="ex-limit-list">{ for items }</ul>
            </div>
        </section>
    }
}
