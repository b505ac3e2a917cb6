//! What is known about one source: shown in its card and in the source list.
//!
//! Only phrasing elements (`span`, `cite`, `q`, `a`) so it is valid HTML inside a sentence.

use explainer_evidence::{CitationNumber, Place};
use yew::prelude::*;

use super::context::Shared;
use super::ids::Ids;
use super::state::{Action, Target};
use super::{inlines, labels};
use crate::locales::fill;

/// A source's number, title, byline, excerpts, note, link and the places that cite it. `from`
/// is the sentence whose marker opened a card, or `None` in the source list.
pub fn view(shared: &Shared, number: CitationNumber, from: Option<&Place>) -> Html {
    let Some(source) = shared.evidence.source(number) else {
        return Html::default();
    };
    // In a card the links are a preview, out of the Tab order: Tab goes on from the marker to
    // the next one, and Enter on the marker leads to the full entry with the same links.
    let in_card = from.is_some();
    let (locale, words) = (shared.locale, &shared.locale.words);
    let tabindex = in_card.then_some("-1");
    let title = match (&source.title, &source.url) {
        (Some(title), Some(url)) => html! {
            <a class="ex-src-title" href={url.clone()} target="_blank" rel="noopener noreferrer" {tabindex}>
                <cite dir="auto">{ title.clone() }</cite>
                <span class="ex-vh">{ words.opens_new_tab }</span>
            </a>
        },
        (Some(title), None) => {
            html! { <cite class="ex-src-title" dir="auto">{ title.clone() }</cite> }
        }
        (None, Some(url)) => html! {
            <a class="ex-src-title" href={url.clone()} target="_blank" rel="noopener noreferrer" {tabindex}>
                <span dir="ltr">{ url.clone() }</span><span class="ex-vh">{ words.opens_new_tab }</span>
            </a>
        },
        (None, None) => Html::default(),
    };
    // Beside the original, for when it is gone or has changed since it was cited.
    let archived = source.archived.as_ref().map(|archived| {
        html! {
            <span class="ex-src-archived">
                <a href={archived.url.clone()} target="_blank" rel="noopener noreferrer" {tabindex}>
                    { words.archived_copy }<span class="ex-vh">{ words.opens_new_tab }</span>
                </a>
                { fill(words.captured_on, &[("date", &locale.date(&archived.date))]) }
            </span>
        }
    });
    let unidentified = (!source.is_identified()).then(|| {
        html! { <span class="ex-src-unknown">{ words.source_unidentified }</span> }
    });
    let partial = (source.is_identified() && source.title.is_none() && source.url.is_none())
        .then(|| html! { <span class="ex-src-unknown">{ words.source_untitled }</span> });
    let byline = labels::byline(locale, source)
        .map(|b| html! { <span class="ex-src-byline">{ inlines::isolated(&b) }</span> });
    // A card is a glance: one passage, and where to find the rest.
    let shown = if in_card {
        source.excerpts.len().min(1)
    } else {
        source.excerpts.len()
    };
    let excerpts = source.excerpts[..shown].iter().map(|e| {
        // The whole passage block in its own direction: a Latin passage in Arabic words lines up
        // and has its bar on the left, as it is read.
        html! { <span class="ex-src-excerpt" dir="auto"><q>{ e.clone() }</q></span> }
    });
    let more = match source.excerpts.len() - shown {
        0 => None,
        n => Some(words.more_passages.say(n)),
    }
    .map(|text| html! { <span class="ex-src-more">{ text }</span> });
    let note = source
        .note
        .clone()
        .map(|n| html! { <span class="ex-src-note" dir="auto">{ n }</span> });

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
                    aria-label={labels::place_long(locale, &shared.evidence, place)}
                    {tabindex}
                    {onclick}
                >{ labels::place_short(locale, &shared.evidence, place) }</a>
            }
        });
        let heading = if in_card {
            words.also_cited_in
        } else {
            words.cited_in
        };
        html! {
            <span class="ex-src-cited">
                <span class="ex-src-cited-label">{ heading }</span>
                { for links }
            </span>
        }
    });

    html! {
        <>
            <span class="ex-src-number" id={(shared.anchors && !in_card).then(|| Ids::source_anchor(number))}>
                { fill(words.source_number, &[("number", &number.to_string())]) }
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
