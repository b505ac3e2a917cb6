//! The root components: [`Widget`] loads an evidence set; [`Explainer`] lays it out and owns the
//! reducer. Reading the evidence is in [`super::load`], what the layout does with the page
//! around it in [`super::hooks`].

use std::rc::Rc;

use explainer_evidence::{Evidence, Part, Problem, decode};
use yew::prelude::*;

use super::context::Shared;
use super::disclosure::heading_tag;
use super::hooks::{use_deep_links, use_focus_requests, use_revealed_panels};
use super::ids::Ids;
use super::load::{Loaded, ask_checker, read};
use super::load_error::Worded;
use super::state::{Action, State};
use super::takeover::{PARTS, Takeover, use_parts, use_put_in_place};
use super::{changes, limits, load_error, section, share, source_list, verdict};
use crate::locales::{Locale, direction};

/// How a widget shows its evidence set: the same from loading it to laying it out.
#[derive(Debug, Clone, PartialEq)]
pub struct Presentation {
    /// Names this instance; its DOM ids start with it, so widgets sharing a page stay apart.
    pub instance: AttrValue,
    /// False renders a static page: every section, the limits and the log expanded, no buttons, and
    /// citations only as links to the numbered sources. For pages read without script.
    pub interactive: bool,
    /// `light` or `dark` to override `prefers-color-scheme`; anything else follows it.
    pub theme: Option<AttrValue>,
    /// The widget owns its page: it names the page after its question and follows the page
    /// address's fragment (`#section-id`, `#source-4`). Never inside someone else's article.
    pub own_page: bool,
    /// Whether the page is inside another page's iframe: a deep link then opens its section on
    /// load without moving focus, which would scroll the host's article to the frame.
    pub framed: bool,
    /// The heading level of the question (1–4), so the widget fits the outline of the page
    /// around it: 2 under an article's `h1`, 1 on a page of its own.
    pub heading: u8,
    /// The language of the words the widget adds (the embed's `language` attribute), over the
    /// evidence set's `meta.language`.
    pub language: Option<AttrValue>,
}

impl Presentation {
    /// An interactive widget named `instance` in an article, following the reader's colour
    /// preference, in the evidence set's language.
    pub fn new(instance: impl Into<AttrValue>) -> Self {
        Self {
            instance: instance.into(),
            interactive: true,
            theme: None,
            own_page: false,
            framed: false,
            heading: 2,
            language: None,
        }
    }
}

/// Properties of [`Widget`].
#[derive(Properties, PartialEq)]
pub struct WidgetProps {
    /// A published evidence set, as JSON.
    pub json: AttrValue,
    /// How it is shown.
    pub presentation: Presentation,
    /// Why the evidence could not be had (not fetched, not UTF-8, too large): shown in the
    /// error panel instead of the explainer.
    #[prop_or_default]
    pub failure: Option<Problem>,
    /// The prerendered explainer this widget takes over, when it takes one over.
    #[prop_or_default]
    pub takeover: Option<Takeover>,
    /// Asks the checker what is wrong with evidence this widget cannot use: resolves to a JSON
    /// list of `[path, message]` (the checker's `diagnose`, in `src/studio.rs`; `embed.js` gives it).
    #[prop_or_default]
    pub diagnose: Option<js_sys::Function>,
    /// The language of the page around the widget: the words of the error panel, when there is
    /// no evidence set to say its language, and of nothing else.
    #[prop_or_default]
    pub page_language: Option<AttrValue>,
}

impl WidgetProps {
    /// Like [`WidgetProps::new`] for the bytes of a fetched evidence file: decoded (and refused
    /// when not UTF-8 or too large) exactly as `explainer check` does.
    pub fn from_file(bytes: Vec<u8>, instance: impl Into<AttrValue>) -> Self {
        match decode(bytes) {
            Ok(json) => Self::new(json, instance),
            Err(problem) => Self {
                failure: Some(problem),
                ..Self::new(AttrValue::Static(""), instance)
            },
        }
    }

    /// A widget on the published evidence in `json`, shown as [`Presentation::new`] says: the
    /// defaults every embedding starts from.
    pub fn new(json: impl Into<AttrValue>, instance: impl Into<AttrValue>) -> Self {
        Self {
            json: json.into(),
            presentation: Presentation::new(instance),
            failure: None,
            takeover: None,
            diagnose: None,
            page_language: None,
        }
    }
}

/// Loads a published evidence set and shows it, or shows every problem that stops it.
#[component]
pub fn Widget(props: &WidgetProps) -> Html {
    let show = &props.presentation;
    let loaded = use_memo(
        (props.json.clone(), props.failure.clone()),
        |(json, failure)| read(json, failure.as_ref()),
    );
    // With no evidence to say its language, the error panel speaks the embed's or the page's.
    let page_locale = Locale::of(show.language.as_deref().or(props.page_language.as_deref()));
    // The checker's words for an unusable file, once they come.
    let named = use_state(|| None::<Rc<Vec<Worded>>>);
    {
        let (named, diagnose) = (named.clone(), props.diagnose.clone());
        let unusable = matches!(*loaded, Loaded::Unusable);
        use_effect_with((unusable, props.json.clone()), move |(unusable, _)| {
            if *unusable {
                ask_checker(diagnose, page_locale, move |words| {
                    named.set(Some(Rc::new(words)));
                });
            }
        });
    }
    let theme = theme_name(show.theme.as_deref());
    let built = use_parts(props.takeover.is_some());
    // A problem to show takes the prerendered explainer's place at once.
    let problem_in_place = props
        .takeover
        .clone()
        .filter(|_| !matches!(*loaded, Loaded::Ready(_)));
    use_put_in_place(
        problem_in_place,
        true,
        Callback::noop(),
        &NodeRef::default(),
    );
    let problems = match &*loaded {
        Loaded::Problems(problems) => Some(problems.clone()),
        Loaded::Unusable => (*named).clone(),
        Loaded::Ready(_) => None,
    };
    match (&*loaded, problems) {
        (Loaded::Ready(evidence), _) => {
            let (evidence, takeover) = (evidence.clone(), props.takeover.clone());
            // A takeover reads the evidence in a part of its own, before the explainer's.
            if built < 2 {
                return html! {};
            }
            html! { <Explainer {evidence} presentation={show.clone()} {takeover} {built} /> }
        }
        (_, Some(problems)) => html! {
            <div class="ex-root" data-theme={theme} lang={page_locale.tag} dir={direction(Some(page_locale.tag))}>
                { load_error::view(page_locale, &problems, heading_level(show)) }
            </div>
        },
        (_, None) => html! {
            <div class="ex-root" data-theme={theme} lang={page_locale.tag} dir={direction(Some(page_locale.tag))}>
                <p role="status">{ page_locale.words.checking_file }</p>
            </div>
        },
    }
}

/// Properties of [`Explainer`].
#[derive(Properties)]
pub struct ExplainerProps {
    /// The validated evidence set.
    pub evidence: Rc<Evidence>,
    /// How it is shown.
    pub presentation: Presentation,
    /// The prerendered explainer this one takes over: it is then built off-screen, a part a
    /// task, and put in its place with the last part (see [`super::takeover`]).
    #[prop_or_default]
    pub takeover: Option<Takeover>,
    /// How many of the [`PARTS`] are built: all but in a takeover.
    #[prop_or(PARTS)]
    pub built: u8,
}

impl PartialEq for ExplainerProps {
    fn eq(&self, other: &Self) -> bool {
        // The same set is the same allocation: comparing it field by field would cost more.
        Rc::ptr_eq(&self.evidence, &other.evidence)
            && self.presentation == other.presentation
            && self.takeover == other.takeover
            && self.built == other.built
    }
}

/// The theme names the stylesheet knows; anything else follows the reader's preference.
fn theme_name(theme: Option<&str>) -> Option<&'static str> {
    match theme {
        Some("light") => Some("light"),
        Some("dark") => Some("dark"),
        _ => None,
    }
}

/// The question's heading level, with room for the two levels of headings below it.
fn heading_level(show: &Presentation) -> u8 {
    show.heading.clamp(1, 4)
}

/// The question, verdict, sections, reporting limits and sources of one evidence set.
#[component]
pub fn Explainer(props: &ExplainerProps) -> Html {
    let show = &props.presentation;
    let state = use_reducer(|| {
        let mut state = State::new(&props.evidence);
        if !show.interactive {
            state.apply(Action::ShowEverything);
        }
        state
    });
    let root = use_node_ref();
    let shared = {
        let dispatcher = state.dispatcher();
        use_memo(
            (props.evidence.clone(), show.clone()),
            move |(evidence, show)| Shared {
                evidence: evidence.clone(),
                ids: Ids::new(&show.instance),
                dispatch: Callback::from(move |action| dispatcher.dispatch(action)),
                interactive: show.interactive,
                heading: heading_level(show),
                anchors: show.own_page,
                locale: Locale::of(
                    show.language
                        .as_deref()
                        .or(evidence.document().meta.language.as_deref()),
                ),
            },
        )
    };
    use_focus_requests(&root, &shared, state.focus.clone());
    let placed = {
        let (ids, evidence, dispatch) = (
            shared.ids.clone(),
            shared.evidence.clone(),
            shared.dispatch.clone(),
        );
        let reveal = Callback::from(move |panel: String| {
            if let Some(target) = ids.panel_target(&evidence, &panel) {
                dispatch.emit(Action::Reveal(target));
            }
        });
        use_put_in_place(props.takeover.clone(), props.built == PARTS, reveal, &root)
    };
    use_revealed_panels(&root, &shared);
    use_deep_links(
        &shared,
        show.instance.clone(),
        show.own_page,
        show.framed,
        placed,
    );
    let built = props.built;

    let doc = shared.evidence.document();
    let ids = &shared.ids;
    let words = &shared.locale.words;
    // Always a language for screen readers: the set's, or else the one the widget's words are in.
    let language = doc
        .meta
        .language
        .clone()
        .unwrap_or_else(|| shared.locale.tag.to_owned());
    let all_open = state.all_open();
    let toggle_all = {
        let dispatch = shared.dispatch.clone();
        let action = if all_open {
            Action::CollapseAll
        } else {
            Action::ExpandAll
        };
        Callback::from(move |_: MouseEvent| dispatch.emit(action.clone()))
    };
    let card = state.card.as_ref();
    let section_card = card
        .filter(|c| matches!(c.marker.place.part, Part::Section(_)))
        .cloned();
    // One landmark per widget, named by its question; its parts are found by their headings,
    // so two widgets on a page never give a screen reader two regions called "Verdict".
    html! {
            <article class="ex-root" ref={root} data-theme={theme_name(show.theme.as_deref())} lang={language.clone()} dir={direction(Some(&language))} role="region" aria-labelledby={ids.question()}>
                <header class="ex-header">
                    <div class="ex-header-row">
                        <p class="ex-kicker">{ words.fact_check }</p>
                        if shared.interactive {
                            { share::view(shared.locale, String::new(), String::new(), words.share_explainer.to_owned()) }
                        }
                    </div>
                    <@{heading_tag(shared.heading)} class="ex-question" id={ids.question()}>{ doc.question.clone() }</@>
                </header>
                if built >= 3 {
                    { verdict::view(&shared, card) }
                }
                if built >= 4 && !doc.sections.is_empty() {
                    <section class="ex-reasoning">
                        <div class="ex-toolbar">
                            <@{heading_tag(shared.heading + 1)} class="ex-h3">{ words.how_evidence_adds_up }</@>
                            if shared.interactive {
                                <button type="button" class="ex-toggle-all" onclick={toggle_all}>
                                    { if all_open { words.collapse_all } else { words.expand_all } }
                                </button>
                            }
                        </div>
                        <section::Sections shared={(*shared).clone()} open={state.open.clone()} card={section_card} />
                    </section>
                }
                if built >= 5 {
                    { limits::view(&shared, state.limits_open, card) }
                    { changes::view(&shared, state.changes_open, card) }
                    { source_list::view(&shared) }
                }
            </article>
    }
}
