//! Taking over a prerendered explainer without a long task on the article's main thread.
//!
//! What costs in a takeover is the first run of the widget's code (the browser compiles each
//! wasm function when it is first called), not the rendering itself. So the widget is built
//! off-screen, one part at a time, a task each ([`use_parts`]); with the last part, in the same
//! task, `embed.js` puts it in place of the prerendered explainer ([`Takeover`]), so no frame
//! is painted in between, and what the reader opened and focused there meanwhile carries over.

use gloo_timers::callback::Timeout;
use wasm_bindgen::JsValue;
use yew::prelude::*;

use super::hooks::restore_focus;

/// How many parts a takeover builds, a task each: reading the evidence; the question; the
/// verdict; the reasoning; the limits, the log of changes and the sources.
pub const PARTS: u8 = 5;

/// A widget that takes over a prerendered explainer, as `embed.js` asks it to.
#[derive(Debug, Clone, PartialEq)]
pub struct Takeover {
    /// Says what the reader left in the prerendered explainer (see [`Left::read`]); called
    /// with `true`, puts the widget's root in its place too.
    put_in_place: js_sys::Function,
    /// The markup was rendered from the widget's evidence file by this version of the widget,
    /// so what the reader left in it names the widget's own panels and elements.
    fresh: bool,
}

/// What the console says when a prerendered explainer cannot be taken over as it is.
const STALE_PRERENDER: &str = "Explainer: the prerendered explainer was made from other evidence or another widget version; rendered afresh";

impl Takeover {
    /// The takeover of markup stamped `stamp` (see [`super::stamp::stamp`]) by a widget of
    /// the evidence file `json`, or with no stamp of a placeholder (a loading line); said once
    /// on the console when the markup came from another file or version (what the reader
    /// left there is then not carried over).
    pub fn new(put_in_place: js_sys::Function, stamp: Option<&str>, json: &str) -> Self {
        let fresh = stamp.is_some_and(|stamp| stamp == super::stamp::stamp(json));
        if stamp.is_some() && !fresh {
            web_sys::console::warn_1(&STALE_PRERENDER.into());
        }
        Self {
            put_in_place,
            fresh,
        }
    }

    /// What the reader left in the prerendered explainer so far; with `swap`, the widget is
    /// put in its place too, in the same call.
    pub fn left(&self, swap: bool) -> Left {
        match self.put_in_place.call1(&JsValue::NULL, &swap.into()) {
            Ok(left) if self.fresh => Left::read(&left),
            _ => Left::default(),
        }
    }
}

/// What the reader left in the prerendered explainer, to carry over.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Left {
    /// The DOM ids of the panels open there (opened by the reader, or by find in page).
    pub open: Vec<String>,
    /// The DOM id of the element that had focus there.
    pub focus: Option<String>,
}

impl Left {
    /// Reads what `put_in_place` returns: the focused element's id (or nothing), then the
    /// open panels' ids, a line each (ids hold no line breaks); anything else is nothing left.
    fn read(value: &JsValue) -> Self {
        let text = value.as_string().unwrap_or_default();
        let mut lines = text.lines();
        let focus = lines.next().filter(|id| !id.is_empty()).map(str::to_owned);
        Self {
            open: lines.map(str::to_owned).collect(),
            focus,
        }
    }
}

/// Where a takeover's widget is.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Place {
    /// Being built, off the page.
    OffPage,
    /// Built, off the page, with the panels the reader had opened opened too.
    Ready,
    /// In the page.
    InPage,
}

/// Puts a takeover's widget in place once it is `complete`: first it opens the panels the
/// reader left open (through `reveal`, with their DOM ids), then, once they are rendered, it
/// takes the prerendered explainer's place and focus goes back where the reader left it
/// (inside `root`), in the call that says whether the reader opened more meanwhile (Yew may
/// give the browser a turn between two renders, and the widget must not be seen in the page
/// without them). Whether the widget is in the page.
#[hook]
pub fn use_put_in_place(
    takeover: Option<Takeover>,
    complete: bool,
    reveal: Callback<String>,
    root: &NodeRef,
) -> bool {
    let place = use_state(|| match takeover {
        Some(_) => Place::OffPage,
        None => Place::InPage,
    });
    {
        let (place, root) = (place.clone(), root.clone());
        use_effect_with((complete, *place), move |&(complete, now)| {
            let ready = now == Place::Ready;
            if let Some(takeover) = takeover.filter(|_| ready || complete && now == Place::OffPage)
            {
                // Opening a panel twice does nothing: the second time catches any the reader
                // opened between the two calls.
                let Left { open, focus } = takeover.left(ready);
                for panel in open {
                    reveal.emit(panel);
                }
                if let Some(id) = focus.filter(|_| ready) {
                    restore_focus(&root, &id);
                }
                place.set(if ready { Place::InPage } else { Place::Ready });
            }
        });
    }
    *place == Place::InPage
}

/// How many parts of the explainer are built: all of them at once, or in a takeover
/// (`in_parts`) one more each task, up to [`PARTS`].
#[hook]
pub fn use_parts(in_parts: bool) -> u8 {
    let built = use_state(|| if in_parts { 1 } else { PARTS });
    {
        let built = built.clone();
        use_effect_with(*built, move |&now| {
            // A new task, not a microtask: each part's first run is a task of its own.
            let next = (now < PARTS).then(|| Timeout::new(0, move || built.set(now + 1)));
            move || drop(next)
        });
    }
    *built
}
