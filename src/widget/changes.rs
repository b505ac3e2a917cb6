//! The corrections and updates log: a disclosure listing every change, newest first, with the
//! verdict label a change replaced.

use explainer_evidence::{Part, Place};
use yew::prelude::*;

use super::context::Shared;
use super::disclosure;
use super::labels;
use super::sentence;
use super::state::{Action, OpenCard};

/// The log, after the reporting limits; nothing for an explainer never changed.
pub fn view(shared: &Shared, open: bool, card: Option<&OpenCard>) -> Html {
    let changes = &shared.evidence.document().changes;
    if changes.is_empty() {
        return Html::default();
    }
    let onclick = {
        let dispatch = shared.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::ToggleChanges))
    };
    let words = &shared.locale.words;
    let entries = changes.iter().enumerate().rev().map(|(sentence, change)| {
        let place = Place {
            part: Part::Changes,
            sentence,
        };
        html! {
            <li>
                <p class="ex-change-head">
                    <strong>{ labels::change_kind(shared.locale, change.kind) }</strong>{ ", " }
                    <time datetime={change.date.clone()}>{ shared.locale.date(&change.date) }</time>
                </p>
                <p>{ sentence::view(shared, &place, card) }</p>
                if let Some(label) = &change.replaces {
                    <p class="ex-change-replaced">
                        { words.verdict_before_change }<q>{ label.clone() }</q>
                    </p>
                }
            </li>
        }
    });
    html! {
        <section class="ex-changes">
            { disclosure::view(shared, disclosure::Heading {
                id: shared.ids.changes_button(),
                panel: shared.ids.changes_panel(),
                open,
                class: "ex-changes-button",
                label: html! {
                    <span class="ex-section-title">{ words.changes }</span>
                },
                onclick,
                level: shared.heading + 1,
            }) }
            <div class="ex-panel" id={shared.ids.changes_panel()} HIDDEN={disclosure::hidden(open)}>
                <ol class="ex-change-list" reversed=true>{ for entries }</ol>
            </div>
        </section>
    }
}
