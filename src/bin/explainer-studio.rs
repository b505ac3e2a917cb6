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
        let words = explainer::studio::diagnose(json.as_deref(), bytes, &src, failure);
        let list = words
            .into_iter()
            .map(|(path, message)| serde_json::json!([path, message]))
            .collect::<Vec<_>>();
        serde_json::Value::Array(list).to_string()
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
