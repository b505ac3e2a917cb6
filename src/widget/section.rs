//! One section of the reasoning, behind a disclosure button.

use explainer_evidence::{Part, Place, SectionId};
use yew::prelude::*;

use super::context::Shared;
use super::disclosure;
use super::sentence;
use super::share;
use super::state::{Action, OpenCard};
use crate::locales::fill;

/// What [`Sections`] renders from.
#[derive(Properties, PartialEq)]
pub struct SectionsProps {
    /// What every part of the widget shares.
    pub shared: Shared,
    /// The open sections.
    pub open: Vec<SectionId>,
    /// The open card, when its marker is in a section.
    pub card: Option<OpenCard>,
}

/// Every section, as a component of its own too: a card opening in the verdict, the limits or
/// the source list leaves all of them alone, however many there are.
#[function_component]
pub fn Sections(props: &SectionsProps) -> Html {
    let doc = props.shared.evidence.document();
    let sections = doc.sections.iter().map(|s| {
        let card = props
            .card
            .as_ref()
            .filter(|c| c.marker.place.part == Part::Section(s.id.clone()))
            .cloned();
        html! {
            <Section key={s.id.0.clone()} shared={props.shared.clone()} id={s.id.clone()} open={props.open.contains(&s.id)} {card} />
        }
    });
    html! { <>{ for sections }</> }
}

/// What a [`Section`] renders from.
#[derive(Properties, PartialEq)]
pub struct SectionProps {
    /// What every part of the widget shares.
    pub shared: Shared,
    /// The section.
    pub id: SectionId,
    /// Whether it is open.
    pub open: bool,
    /// The open card, when its marker is in this section.
    pub card: Option<OpenCard>,
}

/// One section as a component of its own, so a change elsewhere (a card opening in another
/// section, another section opening) does not render it again: on a set of hundreds of
/// sections, only the one that changed is rendered and compared.
#[function_component]
pub fn Section(props: &SectionProps) -> Html {
    view(&props.shared, &props.id, props.open, props.card.as_ref())
}

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
                if shared.interactive {
                    <p class="ex-share-row">
                        { share::view(
                            shared.locale,
                            id.0.clone(),
                            section.title.clone(),
                            fill(
                                shared.locale.words.share_section,
                                &[("number", &(index + 1).to_string()), ("title", &section.title)],
                            ),
                        ) }
                    </p>
                }
            </div>
        </div>
    }
}
