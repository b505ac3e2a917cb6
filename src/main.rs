//! The widget's wasm entry point. `www/embed.js` defines the `<evidence-explainer>` element and
//! calls [`mount`] for each one, inside its shadow root; the stand-alone page uses the same
//! element, so pages and embeds run one code path.

#[cfg(target_arch = "wasm32")]
mod wasm {
    use explainer::widget::{Widget, WidgetProps};
    use wasm_bindgen::prelude::*;

    /// Mounts a widget in `root`. `json` is a published evidence set, or `None` for the bundled
    /// one. `failure` is why fetching `address` failed, shown instead of the explainer.
    /// `set_title` titles the page by the question: only for a page the widget owns.
    #[wasm_bindgen]
    pub fn mount(
        root: web_sys::Element,
        instance: String,
        json: Option<String>,
        address: Option<String>,
        failure: Option<String>,
        theme: Option<String>,
        set_title: bool,
    ) {
        let json = json.unwrap_or_else(|| explainer::BUNDLED_EVIDENCE.to_owned());
        if set_title
            && let (Some(document), Ok(evidence)) = (
                web_sys::window().and_then(|w| w.document()),
                explainer::evidence::load_published(&json),
            )
        {
            document.set_title(&evidence.document().question);
        }
        let props = WidgetProps {
            json: json.into(),
            instance: instance.into(),
            interactive: true,
            theme: theme.map(Into::into),
            failure: failure.map(|reason| (address.unwrap_or_default().into(), reason.into())),
        };
        yew::Renderer::<Widget>::with_root_and_props(root, props).render();
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
