//! What the layout does with the page around it: moving focus where the reducer asks, giving it
//! back where the reader left it in a prerendered explainer, following the browser when it
//! reveals a panel itself, and following deep links in the page's address.

use std::rc::Rc;

use explainer_evidence::Evidence;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;

use super::context::Shared;
use super::deep_link;
use super::state::{Action, FocusRequest, Target};

/// Scrolls to and focuses each target the reducer asks focus for.
#[hook]
pub fn use_focus_requests(root: &NodeRef, shared: &Shared, request: Option<FocusRequest>) {
    let (root, ids) = (root.clone(), shared.ids.clone());
    use_effect_with(request, move |request| {
        if let Some(request) = request {
            focus_element(&root, &ids.target(&request.target));
        }
    });
}

/// The browser opens a closed panel itself when find in page or a link reaches into it; the
/// state follows, so the disclosure's button says so and can close it again.
#[hook]
pub fn use_revealed_panels(root: &NodeRef, shared: &Shared) {
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

/// On a page of its own, the page is named after the question; and the widget goes to the
/// part a deep link into it names (see [`deep_link`]), once it is in the page (`placed`) and
/// whenever the address changes.
#[hook]
pub fn use_deep_links(
    shared: &Shared,
    instance: AttrValue,
    own_page: bool,
    framed: bool,
    placed: bool,
) {
    let (evidence, dispatch) = (shared.evidence.clone(), shared.dispatch.clone());
    use_effect_with(
        (own_page, framed, instance, placed),
        move |(own_page, framed, instance, placed)| {
            if *own_page && let Some(document) = web_sys::window().and_then(|w| w.document()) {
                document.set_title(&evidence.document().question);
            }
            let listener = placed
                .then(|| follow_fragment(evidence, dispatch, *framed, *own_page, instance.clone()))
                .flatten();
            move || drop(listener)
        },
    );
}

/// Goes to the target the page address names now, and whenever it changes. Inside a host's
/// iframe the target named on load is only opened: focusing it would scroll the host's article.
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
        let target = part.and_then(|part| Target::from_fragment(&evidence, part));
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

/// Focuses the element with `id` inside the widget, without scrolling: where the reader left
/// focus in a prerendered explainer, the page not having moved.
pub fn restore_focus(root: &NodeRef, id: &str) {
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
