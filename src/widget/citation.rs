//! A citation marker and the source card it opens.
//!
//! The marker is a real link to the source's entry in the source list, so it works with no
//! hover at all. The card opens on pointer hover after a short intent delay, on keyboard focus,
//! and on tap; it stays while the pointer moves into it, and closes on Escape, on a pointer
//! leaving for longer than a grace period, on focus leaving, or on a tap elsewhere.

use std::cell::RefCell;
use std::rc::Rc;

use explainer_evidence::CitationNumber;
use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use super::context::Shared;
use super::labels;
use super::source_details;
use super::state::{Action, MarkerId, OpenCard, Reason, Target};
use crate::locales::fill;

/// How long the pointer must rest on a marker before its card opens, so that a pointer passing
/// over the text does not flash cards.
pub const OPEN_DELAY_MS: u32 = 250;
/// How long a card waits after the pointer leaves, so the pointer can cross into the card.
pub const GRACE_MS: u32 = 300;
/// Space between the marker and its card, and between the card and the viewport's edges.
const GAP_PX: f64 = 6.0;
const EDGE_PX: f64 = 8.0;

/// Properties of [`Citation`].
#[derive(Properties, PartialEq)]
pub struct CitationProps {
    /// The widget's shared data.
    pub shared: Shared,
    /// Which marker this is.
    pub marker: MarkerId,
    /// The source it cites.
    pub number: CitationNumber,
    /// The card, when it is this marker's.
    pub card: Option<OpenCard>,
}

/// One citation marker, `[n]`, with its card when open.
#[component]
pub fn Citation(props: &CitationProps) -> Html {
    let wrapper = use_node_ref();
    let marker_ref = use_node_ref();
    let card_ref = use_node_ref();
    let timer = use_mut_ref(|| None::<Timeout>);
    let last_pointer = use_mut_ref(String::new);
    let open = props.card.is_some();

    {
        let (wrapper, marker_ref, card_ref) =
            (wrapper.clone(), marker_ref.clone(), card_ref.clone());
        let dispatch = props.shared.dispatch.clone();
        use_effect_with(open, move |open| {
            let listeners = if *open {
                while_open(&wrapper, &marker_ref, &card_ref, dispatch)
            } else {
                Vec::new()
            };
            move || drop(listeners)
        });
    }

    let shared = &props.shared;
    let number = props.number;
    let marker = props.marker.clone();
    let schedule = {
        let timer = timer.clone();
        let dispatch = shared.dispatch.clone();
        move |delay: u32, action: Action| {
            let dispatch = dispatch.clone();
            *timer.borrow_mut() = Some(Timeout::new(delay, move || dispatch.emit(action)));
        }
    };
    let onpointerenter = {
        let (schedule, marker) = (schedule.clone(), marker.clone());
        Callback::from(move |event: PointerEvent| {
            if event.pointer_type() != "touch" {
                schedule(
                    OPEN_DELAY_MS,
                    Action::ShowCard {
                        marker: marker.clone(),
                        number,
                        reason: Reason::Hover,
                    },
                );
            }
        })
    };
    let onpointerleave = {
        let (schedule, marker) = (schedule.clone(), marker.clone());
        Callback::from(move |event: PointerEvent| {
            if event.pointer_type() != "touch" {
                schedule(
                    GRACE_MS,
                    Action::HideCard {
                        marker: marker.clone(),
                        reason: Reason::Hover,
                    },
                );
            }
        })
    };
    let onfocusin = {
        let (dispatch, marker) = (shared.dispatch.clone(), marker.clone());
        Callback::from(move |_: FocusEvent| {
            dispatch.emit(Action::ShowCard {
                marker: marker.clone(),
                number,
                reason: Reason::Focus,
            });
        })
    };
    let onfocusout = {
        let (dispatch, marker, wrapper) =
            (shared.dispatch.clone(), marker.clone(), wrapper.clone());
        Callback::from(move |event: FocusEvent| {
            let staying = event
                .related_target()
                .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                .zip(wrapper.get())
                .is_some_and(|(to, wrapper)| wrapper.contains(Some(&to)));
            if !staying {
                dispatch.emit(Action::HideCard {
                    marker: marker.clone(),
                    reason: Reason::Focus,
                });
            }
        })
    };
    let onpointerdown = {
        let last_pointer = last_pointer.clone();
        Callback::from(move |event: PointerEvent| *last_pointer.borrow_mut() = event.pointer_type())
    };
    let onclick = {
        let (dispatch, marker, card) =
            (shared.dispatch.clone(), marker.clone(), props.card.clone());
        Callback::from(move |event: MouseEvent| {
            if event.ctrl_key() || event.meta_key() || event.shift_key() {
                return;
            }
            event.prevent_default();
            let pointer = std::mem::take(&mut *last_pointer.borrow_mut());
            let tapped = card.as_ref().is_some_and(|c| c.opened_by(Reason::Tap));
            // The first tap shows the card (touch has no hover); a second tap follows the link.
            if pointer == "touch" && !tapped {
                dispatch.emit(Action::ShowCard {
                    marker: marker.clone(),
                    number,
                    reason: Reason::Tap,
                });
            } else {
                dispatch.emit(Action::Navigate(Target::Source(number)));
            }
        })
    };

    let ids = &shared.ids;
    let card_id = ids.card(&marker);
    let name = labels::marker_name(shared.locale, shared.evidence.source(number), number.0);
    let card_name = fill(
        shared.locale.words.source_number,
        &[("number", &number.to_string())],
    );
    html! {
        <span class="ex-cite" ref={wrapper} {onpointerenter} {onpointerleave} {onfocusin} {onfocusout}>
            <a
                class="ex-marker"
                ref={marker_ref}
                id={ids.marker(&marker)}
                href={format!("#{}", ids.source(number))}
                aria-label={name}
                aria-describedby={open.then(|| card_id.clone())}
                {onclick}
                {onpointerdown}
            >{ format!("[{number}]") }</a>
            if open {
                <span class="ex-card" ref={card_ref} id={card_id} role="group" aria-label={card_name}>
                    { source_details::view(shared, number, Some(&marker.place)) }
                </span>
            }
        </span>
    }
}

/// While a card is open: place it, keep it placed on resize, and close it on Escape or on a
/// pointer press outside the marker and card. Returns the listeners; dropping them removes them.
fn while_open(
    wrapper: &NodeRef,
    marker: &NodeRef,
    card: &NodeRef,
    dispatch: Callback<Action>,
) -> Vec<EventListener> {
    let (Some(wrapper), Some(marker), Some(card)) = (
        wrapper.cast::<Element>(),
        marker.cast::<HtmlElement>(),
        card.cast::<HtmlElement>(),
    ) else {
        return Vec::new();
    };
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    let Some(document) = window.document() else {
        return Vec::new();
    };
    place_card(&marker, &card);

    let place = {
        let (marker, card) = (marker.clone(), card.clone());
        move |_: &web_sys::Event| place_card(&marker, &card)
    };
    let outside = {
        let dispatch = dispatch.clone();
        // composedPath sees through shadow roots, where the event's target is retargeted.
        move |event: &web_sys::Event| {
            let inside = event.composed_path().includes(wrapper.as_ref(), 0);
            if !inside {
                dispatch.emit(Action::DismissCard);
            }
        }
    };
    let escape = {
        let focus_back = Rc::new(RefCell::new((marker, card)));
        move |event: &web_sys::Event| {
            let Some(key) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                return;
            };
            if key.key() != "Escape" {
                return;
            }
            let (marker, card) = &*focus_back.borrow();
            if card.matches(":focus-within").unwrap_or(false) {
                let _ = marker.focus();
            }
            dispatch.emit(Action::DismissCard);
        }
    };
    vec![
        EventListener::new(&window, "resize", place),
        EventListener::new(&document, "pointerdown", outside),
        EventListener::new(&document, "keydown", escape),
    ]
}

/// Puts the card below its marker, or above it when only there it fits, never over it; when it
/// fits neither side, on the roomier side with its height capped so it scrolls within the
/// viewport. Horizontally it starts where the marker starts (from the right, right to left) and
/// stays inside the viewport. Positions are against the widget root.
fn place_card(marker: &HtmlElement, card: &HtmlElement) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(root) = marker.closest(".ex-root").ok().flatten() else {
        return;
    };
    // Every write before the first read, and none between reads: each read after a write lays
    // out the whole page again, which on a big explainer costs more than all the rest.
    let style = card.style();
    let _ = style.remove_property("max-height");
    let viewport_width = window
        .document()
        .and_then(|d| d.document_element())
        .map_or(0.0, |e| f64::from(e.client_width()));
    let viewport_height = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let m = marker.get_bounding_client_rect();
    let r = root.get_bounding_client_rect();
    let c = card.get_bounding_client_rect();
    // Taller than the stylesheet lets a card be (large text): it scrolls wherever it goes.
    let capped = card.scroll_height() > card.client_height();

    // Level with the marker's start: its left edge, or its right one in a right-to-left
    // explainer; either way inside the viewport.
    let start = if root.get_attribute("dir").as_deref() == Some("rtl") {
        m.right() - c.width()
    } else {
        m.left()
    };
    let left = start.min(viewport_width - EDGE_PX - c.width()).max(EDGE_PX);
    let room_below = viewport_height - m.bottom() - GAP_PX - EDGE_PX;
    let room_above = m.top() - GAP_PX - EDGE_PX;
    let below = c.height() <= room_below || (c.height() > room_above && room_below >= room_above);
    let height = c
        .height()
        .min(if below { room_below } else { room_above })
        .max(0.0);
    let top = if below {
        m.bottom() + GAP_PX
    } else {
        m.top() - GAP_PX - height
    };

    // Whole pixels: formatting floats would pull float printing into the wasm for nothing.
    let px = |value: f64| format!("{}px", value.round() as i32);
    if height < c.height() {
        let _ = style.set_property("max-height", &px(height));
    }
    // A card that scrolls is a Tab stop of its own, so the keyboard can scroll it: engines
    // without focusable scrollers (WebKit) would otherwise leave its end out of reach.
    if capped || height < c.height() {
        let _ = card.set_attribute("tabindex", "0");
    } else {
        let _ = card.remove_attribute("tabindex");
    }
    let _ = style.set_property("left", &px(left - r.left()));
    let _ = style.set_property("top", &px(top - r.top()));
    let _ = style.set_property("visibility", "visible");
}
