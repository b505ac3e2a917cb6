//! The widget's wasm entry point. `www/embed.js` defines the `<evidence-explainer>` element and
//! calls [`mount`] for each one, inside its shadow root; the stand-alone page uses the same
//! element, so pages and embeds run one code path.

// Talc instead of the standard dlmalloc: smaller in the wasm, and faster.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
mod wasm {
    use explainer::evidence::{Path, Problem, ProblemKind};
    use explainer::widget::WidgetProps;
    use wasm_bindgen::prelude::*;

    /// Reads a string field of the options object `embed.js` passes.
    fn text(options: &js_sys::Object, name: &str) -> Option<String> {
        js_sys::Reflect::get(options, &JsValue::from_str(name))
            .ok()?
            .as_string()
    }

    /// Reads a boolean field of the options object.
    fn flag(options: &js_sys::Object, name: &str) -> bool {
        js_sys::Reflect::get(options, &JsValue::from_str(name))
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false)
    }

    /// Mounts a widget in `root`. `options` (from `embed.js`): `instance` (names its DOM ids),
    /// `bytes` (a fetched published evidence file) or `json` (one from the page; neither for
    /// the bundled set), `src` and `failure` (the address asked for and why fetching it
    /// failed, shown instead of the explainer), `theme`, `heading` (the question's heading
    /// level, 1–4), `ownPage` (the widget owns the page:
    /// it titles the page by the question and follows deep links) and `framed` (the page is
    /// inside another page's iframe), `language` (the embed's, for the words the widget adds)
    /// and `pageLanguage` (the page's, for the words said with no evidence set); for a prerendered explainer it takes over, `stamp` (the
    /// prerendered root's), `open` (ids of the panels the reader opened) and `focus` (the id of
    /// the element that had focus); and `diagnose`, which asks the checker what is wrong with
    /// evidence the widget cannot use (see [`explainer::widget::WidgetProps::diagnose`]).
    #[wasm_bindgen]
    pub fn mount(root: web_sys::Element, options: js_sys::Object) {
        // A fetched file comes as bytes, so it is decoded (and refused) exactly as `explainer
        // check` does it: the same message for a file that is not UTF-8 or too large.
        let bytes = js_sys::Reflect::get(&options, &JsValue::from_str("bytes"))
            .ok()
            .and_then(|v| v.dyn_into::<js_sys::Uint8Array>().ok());
        let instance = text(&options, "instance").unwrap_or_default();
        let mut start = match bytes {
            Some(bytes) => WidgetProps::from_file(bytes.to_vec(), instance),
            None => WidgetProps::new(
                text(&options, "json").unwrap_or_else(|| explainer::BUNDLED_EVIDENCE.to_owned()),
                instance,
            ),
        };
        let failure = start.failure.take().or_else(|| {
            let reason = text(&options, "failure")?;
            let address = text(&options, "src").unwrap_or_default();
            Some(Problem::new(
                Path::root(),
                ProblemKind::NotLoaded { address, reason },
            ))
        });
        let own_page = flag(&options, "ownPage");
        // On a page of its own the question is the page's heading; in an article, the page says.
        let heading = js_sys::Reflect::get(&options, &JsValue::from_str("heading"))
            .ok()
            .and_then(|v| v.as_f64())
            .filter(|level| (1.0..=4.0).contains(level))
            .map_or(if own_page { 1 } else { 2 }, |level| level as u8);
        // A prerendered explainer being taken over: its stamp, and what the reader did in it.
        let restore = text(&options, "stamp").map(|stamp| explainer::widget::Restore {
            stamp,
            open: js_sys::Reflect::get(&options, &JsValue::from_str("open"))
                .ok()
                .map(|list| {
                    js_sys::Array::from(&list)
                        .iter()
                        .filter_map(|v| v.as_string())
                        .collect()
                })
                .unwrap_or_default(),
            focus: text(&options, "focus"),
        });
        let props = WidgetProps {
            theme: text(&options, "theme").map(Into::into),
            restore,
            heading,
            failure,
            own_page,
            framed: flag(&options, "framed"),
            language: text(&options, "language").map(Into::into),
            page_language: text(&options, "pageLanguage").map(Into::into),
            diagnose: js_sys::Reflect::get(&options, &JsValue::from_str("diagnose"))
                .ok()
                .and_then(|f| f.dyn_into().ok()),
            ..start
        };
        explainer::widget::mount(root, props);
    }
}

/// Nothing to do at start: widgets mount when `embed.js` finds their elements.
#[cfg(target_arch = "wasm32")]
fn main() {}

/// The widget runs in a browser; natively there is nothing to mount.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("explainer-widget runs in a browser: build it with `trunk build` (see README.md)");
    std::process::exit(2);
}
