//! What is known about one source: shown in its card and in the source list.
//!
//! Only phrasing elements (`span`, `cite`, `q`, `a`) so it is valid HTML inside a sentence.

use explainer_evidence::{CitationNumber, Place};
use yew::prelude::*;

use super::explainer::Shared;
use super::ids::Ids;
use super::labels;
use super::state::{Action, Target};

/// A source's number, title, byline, excerpts, note, link and the places that cite it. `from`
/// is the sentence whose marker opened a card, or `None` in the source list.
pub fn view(shared: &Shared, number: CitationNumber, from: Option<&Place>) -> Html {
    let Some(source) = shared.evidence.source(number) else {
        return Html::default();
    };
    // In a card the links are a preview, out of the Tab order: Tab goes on from the marker to
    // the next one, and Enter on the marker leads to the full entry with the same links.
    let in_card = from.is_some();
    let tabindex = in_card.then_some("-1");
    let title = match (&source.title, &source.url) {
        (Some(title), Some(url)) => html! {
            <a class="ex-src-title" href={url.clone()} target="_blank" rel="noopener noreferrer" {tabindex}>
                <cite>{ title.clone() }</cite>
                <span class="ex-vh">{ " (opens in a new tab)" }</span>
            </a>
        },
        (Some(title), None) => html! { <cite class="ex-src-title">{ title.clone() }</cite> },
        (None, Some(url)) => html! {
            <a class="ex-src-title" href={url.clone()} target="_blank" rel="noopener noreferrer" {tabindex}>
                { url.clone() }<span class="ex-vh">{ " (opens in a new tab)" }</span>
            </a>
        },
        (None, None) => Html::default(),
    };
    // Beside the original, for when it is gone or has changed since it was cited.
    let archived = source.archived.as_ref().map(|archived| {
        html! {
            <span class="ex-src-archived">
                <a href={archived.url.clone()} target="_blank" rel="noopener noreferrer" {tabindex}>
                    { "Archived copy" }<span class="ex-vh">{ " (opens in a new tab)" }</span>
                </a>
                { ", captured " }{ archived.date.clone() }
            </span>
        }
    });
    let unidentified = (!source.is_identified()).then(|| {
        html! { <span class="ex-src-unknown">{ "The report does not identify this source." }</span> }
    });
    let partial = (source.is_identified() && source.title.is_none() && source.url.is_none())
        .then(|| html! { <span class="ex-src-unknown">{ "The report gives no title or address for this source." }</span> });
    let byline = labels::byline(source).map(|b| html! { <span class="ex-src-byline">{ b }</span> });
    // A card is a glance: one passage, and where to find the rest.
    let shown = if in_card {
        source.excerpts.len().min(1)
    } else {
        source.excerpts.len()
    };
    let excerpts = source.excerpts[..shown].iter().map(|e| {
        html! { <span class="ex-src-excerpt"><q>{ e.clone() }</q></span> }
    });
    let more = match source.excerpts.len() - shown {
        0 => None,
        1 => Some("1 more passage in the source list".to_owned()),
        n => Some(format!("{n} more passages in the source list")),
    }
    .map(|text| html! { <span class="ex-src-more">{ text }</span> });
    let note = source
        .note
        .clone()
        .map(|n| html! { <span class="ex-src-note">{ n }</span> });

    let places: Vec<&Place> = shared
        .evidence
        .cited_at(number)
        .iter()
        .filter(|p| Some(*p) != from)
        .collect();
    let cited = (!places.is_empty()).then(|| {
        let links = places.into_iter().map(|place| {
            let onclick = {
                let (dispatch, place) = (shared.dispatch.clone(), place.clone());
                Callback::from(move |event: MouseEvent| {
                    event.prevent_default();
                    dispatch.emit(Action::Navigate(Target::Sentence(place.clone())));
                })
            };
            html! {
                <a
                    class="ex-src-place"
                    href={format!("#{}", shared.ids.sentence(place))}
                    aria-label={labels::place_long(&shared.evidence, place)}
                    {tabindex}
                    {onclick}
                >{ labels::place_short(&shared.evidence, place) }</a>
            }
        });
        let heading = if in_card { "Also cited in" } else { "Cited in" };
        html! {
            <span class="ex-src-cited">
                <span class="ex-src-cited-label">{ heading }{ ": " }</span>
                { for links }
            </span>
        }
    });

    html! {
        <>
            <span class="ex-src-number" id={(shared.anchors && !in_card).then(|| Ids::source_anchor(number))}>
                { format!("Source {number}") }
            </span>
            { title }
            { archived }
            { byline }
            { unidentified }
            { partial }
            { for excerpts }
            { more }
            { note }
            { cited }
        </>
    }
}
