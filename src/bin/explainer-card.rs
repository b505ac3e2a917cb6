//! Explainer Studio's third wasm: the share image, exactly as `explainer card` makes it (resvg
//! and the fonts the card carries). The studio loads it only when an editor asks to see the
//! image, so neither the checker nor the publisher carries a renderer of pictures.

#[cfg(target_arch = "wasm32")]
mod wasm {
    use wasm_bindgen::prelude::*;

    /// A share image: the PNG's bytes and its alt text.
    #[wasm_bindgen]
    pub struct ShareCard {
        png: Vec<u8>,
        alt: String,
    }

    #[wasm_bindgen]
    impl ShareCard {
        /// The image, as a PNG.
        #[wasm_bindgen(getter)]
        pub fn png(&self) -> Vec<u8> {
            self.png.clone()
        }

        /// Its alt text: the question and the verdict's label.
        #[wasm_bindgen(getter)]
        pub fn alt(&self) -> String {
            self.alt.clone()
        }
    }

    /// The share image of the published set `published`, exactly as `explainer card` makes it;
    /// rejected with what is wrong (the set's first problem, or the field it cannot draw).
    #[wasm_bindgen]
    pub fn card(published: String) -> Result<ShareCard, JsValue> {
        console_error_panic_hook::set_once();
        explainer::outputs::card_of(&published)
            .map(|made| ShareCard {
                png: made.png,
                alt: made.alt,
            })
            .map_err(|problem| JsValue::from_str(&problem))
    }
}

/// Nothing to do at start: the studio page calls the exported function.
#[cfg(target_arch = "wasm32")]
fn main() {}

/// The card maker runs in a browser; natively, `explainer card` does the same.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("explainer-card runs in a browser: build it with `trunk build` (see README.md)");
    std::process::exit(2);
}
