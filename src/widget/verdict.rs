//! The verdict: its label, its sentences, and the way to the reporting limits.

use explainer_evidence::{Part, Place};
use yew::prelude::*;

use super::explainer::Shared;
use super::sentence::Sentence;
use super::state::{Action, OpenCard, Target};

/// Properties of [`Verdict`].
#[derive(Properties, PartialEq)]
pub struct VerdictProps {
    /// The open card, if any.
    pub card: Option<OpenCard>,
}

/// The short answer a reader sees first.
#[component]
pub fn Verdict(props: &VerdictProps) -> Html {
    let Some(shared) = use_context::<Shared>() else {
        return Html::default();
    };
    let verdict = &shared.evidence.document().verdict;
    let sentences = (0..verdict.sentences.len()).map(|sentence| {
        let place = Place {
            part: Part::Verdict,
            sentence,
        };
        html! { <><Sentence {place} card={props.card.clone()} />{ " " }</> }
    });
    let to_limits = {
        let dispatch = shared.dispatch.clone();
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            dispatch.emit(Action::Navigate(Target::Limits));
        })
    };
    html! {
        <section class="ex-verdict" aria-label="Verdict">
            <p class="ex-verdict-label">
                <span class="ex-verdict-kicker">{ "Verdict" }</span>
                <strong>{ verdict.label.clone() }</strong>
            </p>
            <p class="ex-answer">{ for sentences }</p>
            if !shared.evidence.document().limits.is_empty() {
                <p class="ex-to-limits">
                    <a href={format!("#{}", shared.ids.limits_button())} onclick={to_limits}>
                        { "What this evidence cannot show" }
                    </a>
                </p>
            }
        </section>
    }
}
