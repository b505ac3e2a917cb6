//! The root components: [`Widget`] loads an evidence set; [`Explainer`] lays it out and owns the
//! reducer.

use std::rc::Rc;

#[cfg(any(not(target_arch = "wasm32"), feature = "messages"))]
use explainer_evidence::load_published;
use explainer_evidence::{Evidence, Part, Path, Problem, decode};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlElement, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;

use super::context::Shared;
use super::deep_link;
use super::disclosure::heading_tag;
use super::ids::Ids;
use super::load_error::Worded;
use super::state::{Action, State};
use super::{changes, limits, load_error, section, share, source_list, verdict};
use crate::locales::Locale;

/// Properties of [`Widget`].
#[derive(Properties, PartialEq)]
pub struct WidgetProps {
    /// A published evidence set, as JSON.
    pub json: AttrValue,
    /// Names this instance; its DOM ids start with it, so widgets sharing a page stay apart.
    #[prop_or(AttrValue::Static("explainer"))]
    pub instance: AttrValue,
    /// False renders a static page: every section, the limits and the log expanded, no buttons, and
    /// citations only as links to the numbered sources. For pages read without script.
    #[prop_or(true)]
    pub interactive: bool,
    /// `light` or `dark` to override `prefers-color-scheme`; anything else follows it.
    #[prop_or_default]
    pub theme: Option<AttrValue>,
    /// Why the evidence could not be had (not fetched, not UTF-8, too large): shown in the
    /// error panel instead of the explainer.
    #[prop_or_default]
    pub failure: Option<Problem>,
    /// The widget owns its page: it names the page after its question and follows the page
    /// address's fragment (`#section-id`, `#source-4`). Never inside someone else's article.
    #[prop_or_default]
    pub own_page: bool,
    /// Whether the page is inside another page's iframe: a deep link then opens its section on
    /// load without moving focus, which would scroll the host's article to the frame.
    #[prop_or_default]
    pub framed: bool,
    /// The heading level of the question, so the widget fits the outline of the page around
    /// it: 2 under an article's `h1`, 1 on a page of its own.
    #[prop_or(2)]
    pub heading: u8,
    /// What the reader did in the prerendered explainer this widget takes over.
    #[prop_or_default]
    pub restore: Option<Restore>,
    /// Asks the checker what is wrong with evidence this widget cannot use: resolves to a JSON
    /// list of `[path, message]` (see [`load_error::diagnose`]; `embed.js` gives it).
    #[prop_or_default]
    pub diagnose: Option<js_sys::Function>,
    /// The language of the words the widget adds (the embed's `language` attribute), over the
    /// evidence set's `meta.language`.
    #[prop_or_default]
    pub language: Option<AttrValue>,
    /// The language of the page around the widget: the words of the error panel, when there is
    /// no evidence set to say its language, and of nothing else.
    #[prop_or_default]
    pub page_language: Option<AttrValue>,
}

/// The state a reader left in a prerendered explainer, to carry over when the widget takes it
/// over; used only when `stamp` says the markup was rendered from the same evidence file by
/// this version of the widget.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Restore {
    /// The prerendered root's stamp (see [`super::stamp::stamp`]).
    pub stamp: String,
    /// The DOM ids of the panels the reader opened (by find in page, say).
    pub open: Vec<String>,
    /// The DOM id of the element that had focus.
    pub focus: Option<String>,
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

    /// An interactive widget on the published evidence in `json`, following the reader's colour
    /// preference, with no deep links: the defaults every embedding starts from.
    pub fn new(json: impl Into<AttrValue>, instance: impl Into<AttrValue>) -> Self {
        Self {
            json: json.into(),
            instance: instance.into(),
            interactive: true,
            theme: None,
            failure: None,
            own_page: false,
            framed: false,
            heading: 2,
            restore: None,
            diagnose: None,
            language: None,
            page_language: None,
        }
    }
}

/// What the console says when a prerendered explainer cannot be taken over as it is.
const STALE_PRERENDER: &str = "Explainer: the prerendered explainer was made from other evidence or another widget version; rendered afresh";

/// What reading the evidence gave.
enum Loaded {
    /// The evidence, valid.
    Ready(Rc<Evidence>),
    /// What is wrong, in words.
    #[cfg_attr(
        all(target_arch = "wasm32", not(feature = "messages")),
        expect(
            dead_code,
            reason = "the browser's widget leaves the words to the checker"
        )
    )]
    Problems(Rc<Vec<Worded>>),
    /// Unusable, with the words to come from the checker (see [`load_error`]).
    #[cfg_attr(
        any(not(target_arch = "wasm32"), feature = "messages"),
        expect(
            dead_code,
            reason = "with the messages compiled in, the words are at hand"
        )
    )]
    Unusable,
}

/// Reads the evidence and words its problems, with the JSON reader and messages compiled in:
/// natively (the tool's renders) and in wasm builds with the `messages` feature (its tests).
#[cfg(any(not(target_arch = "wasm32"), feature = "messages"))]
fn read(json: &str, failure: Option<&Problem>) -> Loaded {
    let problems = match failure {
        Some(problem) => vec![problem.clone()],
        None => match load_published(json) {
            Ok(evidence) => return Loaded::Ready(Rc::new(evidence)),
            Err(problems) => problems,
        },
    };
    Loaded::Problems(Rc::new(load_error::worded(&problems)))
}

/// Reads the evidence with the browser's own JSON reader, then validates it as everywhere
/// else; anything it cannot use is only marked, for the checker to word.
#[cfg(all(target_arch = "wasm32", not(feature = "messages")))]
fn read(json: &str, failure: Option<&Problem>) -> Loaded {
    use explainer_evidence::{FORMAT_VERSION, Form, Published};
    if failure.is_some() {
        return Loaded::Unusable;
    }
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    // An evidence file is one object; serde would read an array as a struct, field by field.
    let document = js_sys::JSON::parse(json)
        .ok()
        .filter(|value| value.is_object() && !js_sys::Array::is_array(value))
        .and_then(|value| serde_wasm_bindgen::from_value::<Published>(value).ok())
        .filter(|doc| doc.form == Form::Published && doc.version == FORMAT_VERSION);
    match document.map(Evidence::checked) {
        Some(Ok(evidence)) => Loaded::Ready(Rc::new(evidence)),
        _ => Loaded::Unusable,
    }
}

/// Asks `embed.js`'s checker what is wrong (`diagnose` resolves to a JSON list of
/// `[path, message]`), and hands the words to `done`; the locale's `checker_unavailable` when
/// it cannot.
fn ask_checker(
    diagnose: Option<js_sys::Function>,
    locale: &'static Locale,
    done: impl FnOnce(Vec<Worded>) + 'static,
) {
    let unnamed = move || {
        let words = locale.words.checker_unavailable.to_owned();
        vec![(Path::root().to_string(), words)]
    };
    let promise = diagnose
        .and_then(|f| f.call0(&JsValue::NULL).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    let Some(promise) = promise else {
        return done(unnamed());
    };
    yew::platform::spawn_local(async move {
        let words = wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .ok()
            .and_then(|reply| reply.as_string())
            .and_then(|json| js_sys::JSON::parse(&json).ok())
            .map(|list| {
                js_sys::Array::from(&list)
                    .iter()
                    .filter_map(|pair| {
                        let pair = js_sys::Array::from(&pair);
                        Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
                    })
                    .collect::<Vec<_>>()
            })
            .filter(|words| !words.is_empty());
        done(words.unwrap_or_else(unnamed));
    });
}

/// Loads a published evidence set and shows it, or shows every problem that stops it.
#[component]
pub fn Widget(props: &WidgetProps) -> Html {
    let loaded = use_memo(
        (props.json.clone(), props.failure.clone()),
        |(json, failure)| read(json, failure.as_ref()),
    );
    // With no evidence to say its language, the error panel speaks the embed's or the page's.
    let page_locale = Locale::of(props.language.as_deref().or(props.page_language.as_deref()));
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
    let theme = theme_name(props.theme.as_deref());
    // Room for the two levels of headings below the question.
    let heading = props.heading.clamp(1, 4);
    let restore = use_memo(
        (props.restore.clone(), props.json.clone()),
        |(restore, json)| {
            let restore = restore.clone()?;
            if restore.stamp == super::stamp::stamp(json) {
                return Some(Rc::new(restore));
            }
            // Markup from another file or version: rendered fresh, and said once.
            web_sys::console::warn_1(&STALE_PRERENDER.into());
            None
        },
    );
    let problems = match &*loaded {
        Loaded::Problems(problems) => Some(problems.clone()),
        Loaded::Unusable => (*named).clone(),
        Loaded::Ready(_) => None,
    };
    match (&*loaded, problems) {
        (Loaded::Ready(evidence), _) => {
            let (evidence, instance) = (evidence.clone(), props.instance.clone());
            let (own_page, framed) = (props.own_page, props.framed);
            let restore = (*restore).clone();
            let language = props.language.clone();
            html! { <Explainer {evidence} {instance} interactive={props.interactive} {theme} {own_page} {framed} {heading} {restore} {language} /> }
        }
        (_, Some(problems)) => html! {
            <div class="ex-root" data-theme={theme} lang={page_locale.tag} dir={super::labels::direction(Some(page_locale.tag))}>
                { load_error::view(page_locale, &problems, heading) }
            </div>
        },
        (_, None) => html! {
            <div class="ex-root" data-theme={theme} lang={page_locale.tag} dir={super::labels::direction(Some(page_locale.tag))}>
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
    /// Names this instance (see [`WidgetProps::instance`]).
    pub instance: AttrValue,
    /// See [`WidgetProps::interactive`].
    #[prop_or(true)]
    pub interactive: bool,
    /// `light` or `dark`, or `None` to follow `prefers-color-scheme`.
    #[prop_or_default]
    pub theme: Option<&'static str>,
    /// See [`WidgetProps::own_page`].
    #[prop_or_default]
    pub own_page: bool,
    /// See [`WidgetProps::framed`].
    #[prop_or_default]
    pub framed: bool,
    /// See [`WidgetProps::heading`].
    #[prop_or(2)]
    pub heading: u8,
    /// The reader's state in the prerendered explainer this one takes over, already checked.
    #[prop_or_default]
    pub restore: Option<Rc<Restore>>,
    /// See [`WidgetProps::language`].
    #[prop_or_default]
    pub language: Option<AttrValue>,
}

impl PartialEq for ExplainerProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.evidence, &other.evidence)
            && self.instance == other.instance
            && self.interactive == other.interactive
            && self.theme == other.theme
            && self.own_page == other.own_page
            && self.framed == other.framed
            && self.heading == other.heading
            && self.restore == other.restore
            && self.language == other.language
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

/// The question, verdict, sections, reporting limits and sources of one evidence set.
#[component]
pub fn Explainer(props: &ExplainerProps) -> Html {
    let state = use_reducer(|| {
        let mut state = State::new(&props.evidence);
        if !props.interactive {
            state.apply(Action::ExpandAll);
            state.limits_open = true;
            state.changes_open = true;
        }
        if let Some(restore) = &props.restore {
            let ids = Ids::new(&props.instance);
            for panel in &restore.open {
                if let Some(target) = ids.panel_target(&props.evidence, panel) {
                    state.apply(Action::Reveal(target));
                }
            }
        }
        state
    });
    let root = use_node_ref();
    let shared = {
        let dispatcher = state.dispatcher();
        use_memo(
            (
                props.evidence.clone(),
                props.instance.clone(),
                props.interactive,
                props.heading,
                props.own_page,
                props.language.clone(),
            ),
            move |(evidence, instance, interactive, heading, own_page, language)| Shared {
                evidence: evidence.clone(),
                ids: Ids::new(instance),
                dispatch: Callback::from(move |action| dispatcher.dispatch(action)),
                interactive: *interactive,
                heading: *heading,
                anchors: *own_page,
                locale: Locale::of(
                    language
                        .as_deref()
                        .or(evidence.document().meta.language.as_deref()),
                ),
            },
        )
    };
    {
        let (root, ids) = (root.clone(), shared.ids.clone());
        use_effect_with(state.focus.clone(), move |request| {
            if let Some(request) = request {
                focus_element(&root, &ids.target(&request.target));
            }
        });
    }

    {
        // Focus comes back where the reader left it in the prerendered explainer, without
        // scrolling: the page has not moved.
        let (root, focus) = (
            root.clone(),
            props.restore.as_ref().and_then(|r| r.focus.clone()),
        );
        use_effect_with((), move |()| {
            if let Some(id) = focus {
                restore_focus(&root, &id);
            }
        });
    }

    {
        // The browser opens a closed panel itself when find in page or a link reaches into
        // it; the state follows, so the disclosure's button says so and can close it again.
        let (evidence, ids, dispatch) = (
            shared.evidence.clone(),
            shared.ids.clone(),
            shared.dispatch.clone(),
        );
        use_effect_with(root.clone(), move |root| {
            let listener = root.cast::<web_sys::Element>().map(|element| {
                gloo_events::EventListener::new(&element, "beforematch", move |event| {
                    let target = event
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        .and_then(|panel| ids.panel_target(&evidence, &panel.id()));
                    if let Some(target) = target {
                        dispatch.emit(Action::Reveal(target));
                    }
                })
            });
            move || drop(listener)
        });
    }

    {
        let (evidence, dispatch) = (shared.evidence.clone(), shared.dispatch.clone());
        let deps = (props.own_page, props.framed, props.instance.clone());
        use_effect_with(deps, move |(own_page, framed, instance)| {
            if *own_page && let Some(document) = web_sys::window().and_then(|w| w.document()) {
                document.set_title(&evidence.document().question);
            }
            let listener =
                follow_fragment(evidence, dispatch, *framed, *own_page, instance.clone());
            move || drop(listener)
        });
    }

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
            <article class="ex-root" ref={root} data-theme={props.theme} lang={language.clone()} dir={super::labels::direction(Some(&language))} role="region" aria-labelledby={ids.question()}>
                <header class="ex-header">
                    <div class="ex-header-row">
                        <p class="ex-kicker">{ words.fact_check }</p>
                        if shared.interactive {
                            { share::view(shared.locale, String::new(), String::new(), words.share_explainer.to_owned()) }
                        }
                    </div>
                    <@{heading_tag(shared.heading)} class="ex-question" id={ids.question()}>{ doc.question.clone() }</@>
                </header>
                { verdict::view(&shared, card) }
                if !doc.sections.is_empty() {
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
                { limits::view(&shared, state.limits_open, card) }
                { changes::view(&shared, state.changes_open, card) }
                { source_list::view(&shared) }
            </article>
    }
}

/// Goes to the target the page address names now, and whenever it changes: a deep link into
/// this widget (see [`deep_link`]). Inside a host's iframe the target named on load is only
/// opened: focusing it would scroll the host's article.
fn follow_fragment(
    evidence: Rc<Evidence>,
    dispatch: Callback<Action>,
    framed: bool,
    own_page: bool,
    instance: AttrValue,
) -> Option<gloo_events::EventListener> {
    let window = web_sys::window()?;
    let go = move |on_load: bool| {
        let hash = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
        let part = deep_link::part(&hash, &instance, own_page);
        let target = part.and_then(|part| super::state::Target::from_fragment(&evidence, part));
        if let Some(target) = target {
            let action = if on_load && framed {
                Action::Reveal(target)
            } else {
                Action::Navigate(target)
            };
            dispatch.emit(action);
        }
    };
    go(true);
    Some(gloo_events::EventListener::new(
        &window,
        "hashchange",
        move |_| go(false),
    ))
}

/// The element with `id` inside the widget. Searching from the widget's root, not the
/// document, also finds it inside a shadow root.
fn element_by_id(root: &NodeRef, id: &str) -> Option<HtmlElement> {
    let root = root.cast::<web_sys::Element>()?;
    let element = root.query_selector(&format!("[id=\"{id}\"]")).ok()??;
    element.dyn_into().ok()
}

/// Focuses the element with `id` inside the widget, without scrolling.
fn restore_focus(root: &NodeRef, id: &str) {
    if let Some(element) = element_by_id(root, id) {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = element.focus_with_options(&options);
    }
}

/// Scrolls to and focuses the element with `id` inside the widget.
fn focus_element(root: &NodeRef, id: &str) {
    let Some(element) = element_by_id(root, id) else {
        return;
    };
    let options = ScrollIntoViewOptions::new();
    options.set_block(ScrollLogicalPosition::Center);
    element.scroll_into_view_with_scroll_into_view_options(&options);
    let _ = element.focus();
}
