//! The widget's wasm entry point. `www/embed.js` defines the `<evidence-explainer>` element and
//! calls [`mount`] for each one, inside its shadow root; the stand-alone page uses the same
//! element, so pages and embeds run one code path.

// Talc instead of the standard dlmalloc: smaller in the wasm, and faster.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
mod wasm {
    use explainer::widget::MountOptions;
    use wasm_bindgen::prelude::*;

    /// Mounts a widget in `root` with the `options` `embed.js` gives (see [`MountOptions`]);
    /// `diagnose` asks the checker what is wrong with evidence the widget cannot use. With
    /// `put_in_place`, `root` is off the page and the widget is built there in parts, then
    /// swapped in for the prerendered explainer it takes over (`options.stamp`), whose
    /// reader's state carries over, or for its loading line (see
    /// `explainer::widget::takeover`). Options this widget
    /// does not know are refused with their name, so `embed.js` says so where the explainer
    /// would be.
    #[wasm_bindgen]
    pub fn mount(
        root: web_sys::Element,
        options: JsValue,
        diagnose: Option<js_sys::Function>,
        put_in_place: Option<js_sys::Function>,
    ) -> Result<(), JsError> {
        let keys = js_sys::Object::keys(options.unchecked_ref::<js_sys::Object>());
        if let Some(key) = MountOptions::unknown(keys.iter().filter_map(|k| k.as_string())) {
            return Err(JsError::new(&format!(
                "the widget's options: no option `{key}` (see MountOptions in embed.js)"
            )));
        }
        let options: MountOptions = serde_wasm_bindgen::from_value(options)
            .map_err(|error| JsError::new(&format!("the widget's options: {error}")))?;
        explainer::widget::mount(root, options.into_props(diagnose, put_in_place));
        Ok(())
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
