//! The source list that closes the widget: every source, with links back to where it is cited.

use yew::prelude::*;

use super::context::Shared;
use super::disclosure::heading_tag;
use super::ids::Ids;
use super::share;
use super::source_details;
use crate::locales::fill;

/// From how many sources the list is long: its entries are laid out only when on screen
/// (`.ex-long` in the stylesheet), since on a big set laying out the unseen list again was most
/// of the work of opening a card.
pub const LONG_LIST: usize = 50;

/// The numbered list of sources.
pub fn view(shared: &Shared) -> Html {
    html! { <SourceList shared={shared.clone()} /> }
}

/// What a [`SourceList`] renders from.
#[derive(Properties, PartialEq)]
pub struct SourceListProps {
    /// What every part of the widget shares.
    pub shared: Shared,
}

/// The source list as a component of its own: it changes only with the evidence, so a card
/// or a section opening does not render hundreds of sources again.
#[function_component]
fn SourceList(props: &SourceListProps) -> Html {
    let shared = &props.shared;
    let sources = shared.evidence.sources_by_number();
    let long = (sources.len() > LONG_LIST).then_some("ex-long");
    let words = &shared.locale.words;
    let items = sources.into_iter().map(|source| {
        let number = source.number;
        html! {
            <li class="ex-source" id={shared.ids.source(number)} tabindex="-1" key={number.0}>
                { source_details::view(shared, number, None) }
                if shared.interactive {
                    { share::view(
                        shared.locale,
                        Ids::source_anchor(number),
                        fill(words.source_number, &[("number", &number.to_string())]),
                        fill(words.share_source, &[("number", &number.to_string())]),
                    ) }
                }
            </li>
        }
    });
    html! {
        <section class="ex-sources">
            <@{heading_tag(shared.heading + 1)} class="ex-h3" id={shared.ids.sources_heading()}>{ words.sources }</@>
            <ol class={classes!("ex-source-list", long)}>{ for items }</ol>
        </section>
    }
}
