//! Explainer Studio's wasm: the authoring tool's checking and publishing, for the studio page
//! (`www/studio.html`), which imports it as a module. Readers never load it.

#[cfg(target_arch = "wasm32")]
mod wasm {
    use wasm_bindgen::prelude::*;

    /// Checks the text of an evidence file as `explainer check` does and returns the report as
    /// JSON (see [`explainer::studio::check`]).
    #[wasm_bindgen]
    pub fn check(text: &str) -> String {
        explainer::studio::check(text).to_string()
    }

    /// Imports a report with its sources file (or none) as `explainer import` does, and
    /// returns the result as JSON (see [`explainer::studio::import`]).
    #[wasm_bindgen(js_name = importReport)]
    pub fn import_report(report: &str, sources: Option<String>) -> String {
        explainer::studio::import(report, sources.as_deref()).to_string()
    }

    /// What is wrong with the evidence a widget was given (the fetch that failed, the bytes of
    /// a fetched file, or JSON text), as a JSON list of `[path, message]` in the words of
    /// `explainer check`: the widget loads this module only for a file it cannot use.
    #[wasm_bindgen]
    pub fn diagnose(
        bytes: Option<Vec<u8>>,
        json: Option<String>,
        src: String,
        failure: Option<String>,
    ) -> String {
        let words = explainer::widget::load_error::diagnose(json.as_deref(), bytes, &src, failure);
        let list = words
            .into_iter()
            .map(|(path, message)| serde_json::json!([path, message]))
            .collect::<Vec<_>>();
        serde_json::Value::Array(list).to_string()
    }

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
        let given = |value: &str| Some(value.to_owned()).filter(|v| !v.is_empty());
        let (src, id) = (given(&src), given(&id));
        explainer::outputs::snippet(
            published,
            &explainer::outputs::SnippetOptions {
                file_name: &file_name,
                src: src.as_deref(),
                base: &base,
                id: id.as_deref(),
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
        let files = explainer::outputs::BuiltFiles {
            glue: &glue,
            wasm: &wasm,
            widget_css: &widget_css,
            page_css: &page_css,
            embed: &embed,
        };
        explainer::studio::offline_file(&published, &files)
            .await
            .map_err(|problem| JsValue::from_str(&problem))
    }

    /// The report's sentences an editor may pick as its reporting limits, as a JSON list.
    #[wasm_bindgen]
    pub fn limits(report: &str) -> String {
        explainer::studio::limits(report).to_string()
    }
}

/// Nothing to do at start: the studio page calls the exported functions.
#[cfg(target_arch = "wasm32")]
fn main() {}

/// The studio runs in a browser; natively, `explainer` is the tool.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("explainer-studio runs in a browser: build it with `trunk build` (see README.md)");
    std::process::exit(2);
}
