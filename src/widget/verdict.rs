//! The verdict: its label, what changed it, its sentences, and the way to the reporting limits.

use explainer_evidence::{Part, Place};
use yew::prelude::*;

use super::context::Shared;
use super::disclosure::heading_tag;
use super::sentence;
use super::state::{Action, OpenCard, Target};
use super::{inlines, labels};

/// The short answer a reader sees first.
pub fn view(shared: &Shared, card: Option<&OpenCard>) -> Html {
    let verdict = &shared.evidence.document().verdict;
    let sentences = (0..verdict.sentences.len()).map(|sentence| {
        let place = Place {
            part: Part::Verdict,
            sentence,
        };
        html! { <>{ sentence::view(shared, &place, card) }{ " " }</> }
    });
    let to_changes = {
        let dispatch = shared.dispatch.clone();
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            dispatch.emit(Action::Navigate(Target::Changes));
        })
    };
    let words = &shared.locale.words;
    let to_limits = {
        let dispatch = shared.dispatch.clone();
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            dispatch.emit(Action::Navigate(Target::Limits));
        })
    };
    html! {
        <section class="ex-verdict">
            <@{heading_tag(shared.heading + 1)} class="ex-verdict-label">
                <span class="ex-verdict-kicker">{ words.verdict }</span>
                <strong>{ verdict.label.clone() }</strong>
            </@>
            if let Some(note) = labels::changes_note(shared.locale, shared.evidence.document()) {
                <p class="ex-changes-note">
                    { inlines::isolated(&note) }{ " " }
                    <a class="ex-to-changes" href={format!("#{}", shared.ids.changes_button())} onclick={to_changes}>
                        { words.see_all_changes }
                    </a>
                </p>
            }
            <p class="ex-answer">{ for sentences }</p>
            if let Some(credits) = labels::credits(shared.locale, &shared.evidence.document().meta) {
                <p class="ex-credits">{ inlines::isolated(&credits) }</p>
            }
            if !shared.evidence.document().limits.is_empty() {
                <p class="ex-to-limits">
                    <a href={format!("#{}", shared.ids.limits_button())} onclick={to_limits}>
                        { words.what_evidence_cannot_show }
                    </a>
                </p>
            }
        </section>
    }
}
