//! Reading the evidence a widget is given, and, for evidence it cannot use, asking the checker
//! `embed.js` loads what is wrong with it.

use std::rc::Rc;

#[cfg(any(not(target_arch = "wasm32"), feature = "messages"))]
use explainer_evidence::load_published;
use explainer_evidence::{Evidence, Path, Problem};
use wasm_bindgen::{JsCast, JsValue};

#[cfg(any(not(target_arch = "wasm32"), feature = "messages"))]
use super::load_error;
use super::load_error::Worded;
use crate::locales::Locale;

/// What reading the evidence gave.
pub enum Loaded {
    /// The evidence, valid.
    Ready(Rc<Evidence>),
    /// What is wrong, in words.
    #[cfg_attr(
        all(target_arch = "wasm32", not(feature = "messages")),
        expect(
            dead_code,
            reason = "the browser's widget leaves the words to the checker"
        )
    )]
    Problems(Rc<Vec<Worded>>),
    /// Unusable, with the words to come from the checker (see [`ask_checker`]).
    #[cfg_attr(
        any(not(target_arch = "wasm32"), feature = "messages"),
        expect(
            dead_code,
            reason = "with the messages compiled in, the words are at hand"
        )
    )]
    Unusable,
}

/// Reads the evidence and words its problems, with the JSON reader and messages compiled in:
/// natively (the tool's renders) and in wasm builds with the `messages` feature (its tests).
#[cfg(any(not(target_arch = "wasm32"), feature = "messages"))]
pub fn read(json: &str, failure: Option<&Problem>) -> Loaded {
    let problems = match failure {
        Some(problem) => vec![problem.clone()],
        None => match load_published(json) {
            Ok(evidence) => return Loaded::Ready(Rc::new(evidence)),
            Err(problems) => problems,
        },
    };
    Loaded::Problems(Rc::new(load_error::worded(&problems)))
}

/// Reads the evidence with the browser's own JSON reader, then validates it as everywhere
/// else; anything it cannot use is only marked, for the checker to word.
#[cfg(all(target_arch = "wasm32", not(feature = "messages")))]
pub fn read(json: &str, failure: Option<&Problem>) -> Loaded {
    use explainer_evidence::{FORMAT_VERSION, Form, Published};
    if failure.is_some() {
        return Loaded::Unusable;
    }
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    // An evidence file is one object; serde would read an array as a struct, field by field.
    let document = js_sys::JSON::parse(json)
        .ok()
        .filter(|value| value.is_object() && !js_sys::Array::is_array(value))
        .and_then(|value| serde_wasm_bindgen::from_value::<Published>(value).ok())
        .filter(|doc| doc.form == Form::Published && doc.version == FORMAT_VERSION);
    match document.map(Evidence::checked) {
        Some(Ok(evidence)) => Loaded::Ready(Rc::new(evidence)),
        _ => Loaded::Unusable,
    }
}

/// Asks `embed.js`'s checker what is wrong (`diagnose` resolves to a JSON list of
/// `[path, message]`), and hands the words to `done`; the locale's `checker_unavailable` when
/// it cannot.
pub fn ask_checker(
    diagnose: Option<js_sys::Function>,
    locale: &'static Locale,
    done: impl FnOnce(Vec<Worded>) + 'static,
) {
    let unnamed = move || {
        let words = locale.words.checker_unavailable.to_owned();
        vec![(Path::root().to_string(), words)]
    };
    let promise = diagnose
        .and_then(|f| f.call0(&JsValue::NULL).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    let Some(promise) = promise else {
        return done(unnamed());
    };
    yew::platform::spawn_local(async move {
        let words = wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .ok()
            .and_then(|reply| reply.as_string())
            .and_then(|json| js_sys::JSON::parse(&json).ok())
            .map(|list| {
                js_sys::Array::from(&list)
                    .iter()
                    .filter_map(|pair| {
                        let pair = js_sys::Array::from(&pair);
                        Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
                    })
                    .collect::<Vec<_>>()
            })
            .filter(|words| !words.is_empty());
        done(words.unwrap_or_else(unnamed));
    });
}
