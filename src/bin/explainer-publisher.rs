//! Explainer Studio's second wasm: the paste-in snippet and the offline file, rendered by the
//! widget's own views through Yew's server renderer, exactly as `explainer snippet` and
//! `explainer bundle` make them. The studio loads it only when an editor asks for one, so the
//! checker (which a widget may load for a broken file) stays without a renderer.

#[cfg(target_arch = "wasm32")]
mod wasm {
    use wasm_bindgen::prelude::*;

    /// The paste-in snippet for the published file whose text is `published`, named
    /// `file_name`, exactly as `explainer snippet` makes it with the same `--src`, `--base` and
    /// `--id` (`src` and `id` empty: their defaults from the file name).
    #[wasm_bindgen]
    pub async fn snippet(
        published: String,
        file_name: String,
        src: String,
        base: String,
        id: String,
    ) -> String {
        console_error_panic_hook::set_once();
        let given = |value: &str| Some(value.to_owned()).filter(|v| !v.is_empty());
        let (src, id) = (given(&src), given(&id));
        explainer::outputs::snippet(
            published,
            &explainer::outputs::SnippetOptions {
                file_name: &file_name,
                src: src.as_deref(),
                base: &base,
                id: id.as_deref(),
                language: None,
                style: None,
            },
        )
        .await
    }

    /// The offline single file of the published set `published`, with the widget's built files
    /// (the page fetches them from its own folder), exactly as `explainer bundle` makes it;
    /// rejected with the problem when `published` is not a valid published set.
    #[wasm_bindgen(js_name = offlineFile)]
    pub async fn offline_file(
        published: String,
        glue: String,
        wasm: Vec<u8>,
        widget_css: String,
        page_css: String,
        embed: String,
    ) -> Result<String, JsValue> {
        // A panic says what it was in the console, rather than only stopping the call.
        console_error_panic_hook::set_once();
        let files = explainer::outputs::BuiltFiles {
            glue: &glue,
            wasm: &wasm,
            widget_css: &widget_css,
            page_css: &page_css,
            embed: &embed,
        };
        explainer::outputs::offline_file_of(&published, &files)
            .await
            .map_err(|problem| JsValue::from_str(&problem))
    }
}

/// Nothing to do at start: the studio page calls the exported functions.
#[cfg(target_arch = "wasm32")]
fn main() {}

/// The publisher runs in a browser; natively, `explainer snippet` and `bundle` do the same.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("explainer-publisher runs in a browser: build it with `trunk build` (see README.md)");
    std::process::exit(2);
}
