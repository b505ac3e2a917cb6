//! The options `www/embed.js` hands [`mount`](super::mount) for each widget: the one contract
//! between the page's script and the widget's wasm, read in one piece with serde-wasm-bindgen.
//! `embed.js` describes the same object as its `MountOptions` typedef, and
//! `tests/contracts.rs` holds the two lists of fields equal; a field the struct does not know
//! stops the mount with an error that names it, rather than being ignored (serde-wasm-bindgen
//! reads only the fields a struct names, so [`MountOptions::unknown`] looks at the rest).

use explainer_evidence::{Path, Problem, ProblemKind};
use serde::Deserialize;

use super::explainer::{Presentation, WidgetProps};
use super::takeover::Takeover;

/// What `embed.js` asks of one widget. Every field may be absent (or `undefined`).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
pub struct MountOptions {
    /// Names the instance's DOM ids and its deep links (`#<instance>/<part>`).
    pub instance: Option<String>,
    /// A fetched published evidence file, as bytes: decoded (and refused) as `explainer check`
    /// does it.
    #[serde(default, with = "serde_bytes")]
    pub bytes: Option<Vec<u8>>,
    /// A published evidence file from the page, as text; with neither, the bundled set.
    pub json: Option<String>,
    /// The address the evidence was asked from, for the words of a failure.
    pub src: Option<String>,
    /// Why fetching `src` failed: shown instead of the explainer.
    pub failure: Option<String>,
    /// `light` or `dark`; anything else follows the reader's preference.
    pub theme: Option<String>,
    /// The question's heading level, 1–4 (2 in an article, 1 on a page of its own).
    pub heading: Option<f64>,
    /// The widget owns the page: it titles the page and follows `#<part>` deep links.
    #[serde(default)]
    pub own_page: bool,
    /// The page is inside another page's iframe.
    #[serde(default)]
    pub framed: bool,
    /// The language of the words the widget adds, over the evidence set's.
    pub language: Option<String>,
    /// The page's language, for the words said with no evidence set.
    pub page_language: Option<String>,
    /// The prerendered root's stamp, when the widget takes one over.
    pub stamp: Option<String>,
}

impl MountOptions {
    /// The fields, as `embed.js` names them (a unit test holds this to the struct's own).
    pub const FIELDS: [&str; 12] = [
        "instance",
        "bytes",
        "json",
        "src",
        "failure",
        "theme",
        "heading",
        "ownPage",
        "framed",
        "language",
        "pageLanguage",
        "stamp",
    ];

    /// The first of `keys` (an options object's own) that is no field of these options.
    pub fn unknown(keys: impl IntoIterator<Item = String>) -> Option<String> {
        keys.into_iter()
            .find(|key| !Self::FIELDS.contains(&key.as_str()))
    }

    /// The widget these options ask for; `diagnose` asks the checker what is wrong with
    /// evidence the widget cannot use (see [`WidgetProps::diagnose`]); `put_in_place`, when
    /// given, puts the widget built off the page in place of the prerendered explainer it
    /// takes over (with a `stamp`) or of its loading line (see [`Takeover`]).
    pub fn into_props(
        self,
        diagnose: Option<js_sys::Function>,
        put_in_place: Option<js_sys::Function>,
    ) -> WidgetProps {
        let instance = self.instance.unwrap_or_default();
        let mut start = match self.bytes {
            Some(bytes) => WidgetProps::from_file(bytes, instance),
            None => WidgetProps::new(
                self.json
                    .unwrap_or_else(|| crate::BUNDLED_EVIDENCE.to_owned()),
                instance,
            ),
        };
        let failure = start.failure.take().or_else(|| {
            let reason = self.failure?;
            let address = self.src.unwrap_or_default();
            Some(Problem::new(
                Path::root(),
                ProblemKind::NotLoaded { address, reason },
            ))
        });
        // On a page of its own the question is the page's heading; in an article, the page says.
        let heading = self
            .heading
            .filter(|level| (1.0..=4.0).contains(level))
            .map_or(if self.own_page { 1 } else { 2 }, |level| level as u8);
        let takeover = put_in_place
            .map(|put_in_place| Takeover::new(put_in_place, self.stamp.as_deref(), &start.json));
        start.presentation = Presentation {
            theme: self.theme.map(Into::into),
            heading,
            own_page: self.own_page,
            framed: self.framed,
            language: self.language.map(Into::into),
            ..start.presentation
        };
        WidgetProps {
            takeover,
            failure,
            page_language: self.page_language.map(Into::into),
            diagnose,
            ..start
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn the_field_list_is_the_structs() {
        let serde_json::Value::Object(fields) =
            serde_json::to_value(MountOptions::default()).unwrap()
        else {
            panic!("not an object")
        };
        let mut named: Vec<&str> = fields.keys().map(String::as_str).collect();
        let mut listed = MountOptions::FIELDS.to_vec();
        named.sort_unstable();
        listed.sort_unstable();
        assert_eq!(named, listed);
    }

    #[test]
    fn a_field_nobody_knows_is_named() {
        let keys = |list: &[&str]| list.iter().map(|k| (*k).to_owned()).collect::<Vec<_>>();
        assert_eq!(MountOptions::unknown(keys(&["instance", "ownPage"])), None);
        assert_eq!(
            MountOptions::unknown(keys(&["instance", "owner"])).as_deref(),
            Some("owner")
        );
    }
}
