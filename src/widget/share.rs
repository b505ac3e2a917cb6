//! "Copy link": the address of the explainer, a section or a source, for a reader to share.
//!
//! The page that holds the widget knows what that address is (the page's own, the article's
//! around a script embed, or the article's around an iframe), so `embed.js` builds it and
//! shares it: the Web Share sheet where the browser has one, the clipboard otherwise. The button
//! then says what happened, in a status line that screen readers announce too.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use super::explainer::Shared;

/// How long "Link copied" stays, in milliseconds: long enough to read, then out of the way.
const CONFIRMATION_MS: u32 = 6_000;

/// What the last press of a share button did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing yet, or the confirmation has gone.
    Idle,
    /// The address is on the clipboard.
    Copied,
    /// The browser's share sheet took it.
    Shared,
    /// Neither worked (a frame without permission, a browser that refused): the address is
    /// shown for the reader to copy by hand.
    Manual(String),
}

impl Outcome {
    /// Reads what `embed.js`'s share function resolved to: `[outcome, address]`.
    pub fn from_reply(reply: &JsValue) -> Self {
        let reply = js_sys::Array::from(reply);
        match reply.get(0).as_string().as_deref() {
            Some("copied") => Self::Copied,
            Some("shared") => Self::Shared,
            Some("manual") => Self::Manual(reply.get(1).as_string().unwrap_or_default()),
            _ => Self::Idle,
        }
    }
}

/// What a [`ShareButton`] shares.
#[derive(Properties, PartialEq)]
pub struct ShareProps {
    /// What every part of the widget shares.
    pub shared: Shared,
    /// The deep link of the part: a section id, `source-4`, or empty for the whole explainer.
    pub fragment: AttrValue,
    /// The title a share sheet shows.
    pub title: AttrValue,
    /// The rest of the button's name for screen readers, after "Copy link": " to section 2:
    /// Amazon".
    pub name: AttrValue,
}

/// A "Copy link" button and the status line that confirms it.
#[function_component]
pub fn ShareButton(props: &ShareProps) -> Html {
    let outcome = use_state(|| Outcome::Idle);
    let timer: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    let onclick = {
        let (share, outcome) = (props.shared.share.clone(), outcome.clone());
        let (fragment, title) = (props.fragment.clone(), props.title.clone());
        // Called in the click itself: the share sheet and the clipboard need the reader's
        // gesture to still be running.
        Callback::from(move |_: MouseEvent| {
            let Some(share) = &share else { return };
            let reply = share.call2(
                &JsValue::NULL,
                &JsValue::from_str(&fragment),
                &JsValue::from_str(&title),
            );
            let Ok(promise) = reply.and_then(|r| r.dyn_into::<js_sys::Promise>()) else {
                return;
            };
            let (outcome, timer) = (outcome.clone(), timer.clone());
            yew::platform::spawn_local(async move {
                let result = wasm_bindgen_futures::JsFuture::from(promise).await;
                let next = result.map_or(Outcome::Idle, |reply| Outcome::from_reply(&reply));
                let fades = matches!(next, Outcome::Copied | Outcome::Shared);
                outcome.set(next);
                *timer.borrow_mut() = fades.then(|| {
                    let outcome = outcome.clone();
                    Timeout::new(CONFIRMATION_MS, move || outcome.set(Outcome::Idle))
                });
            });
        })
    };
    let status = match &*outcome {
        Outcome::Idle => Html::default(),
        Outcome::Copied => html! { { "Link copied" } },
        Outcome::Shared => html! { { "Link shared" } },
        Outcome::Manual(address) => html! {
            <>{ "Copy this link: " }<span class="ex-share-address">{ address.clone() }</span></>
        },
    };
    html! {
        <span class="ex-share">
            <button type="button" class="ex-share-button" {onclick}>
                { "Copy link" }<span class="ex-vh">{ props.name.clone() }</span>
            </button>
            <span class="ex-share-status" role="status">{ status }</span>
        </span>
    }
}
