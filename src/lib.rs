//! Explainer: an embeddable fact-check explainer widget.
//!
//! - [`evidence`]: the evidence format (a workspace crate, `src/evidence/`), plain Rust.
//! - [`widget`]: the Yew components that render a validated evidence set.
//! - [`locales`]: the words the widget adds, one table per language.
//! - [`BUNDLED_EVIDENCE`]: the evidence set the widget ships with, published at build time.
//! - `cli` (feature `cli`, on by default): the `explainer` authoring tool.
//! - `studio` (feature `authoring`): what Explainer Studio's wasm reports of a file.
//! - `claimreview` (feature `authoring`): schema.org ClaimReview markup, for the tool and the
//!   studio.
#![forbid(unsafe_code)]

pub use explainer_evidence as evidence;

#[cfg(feature = "authoring")]
pub mod claimreview;
#[cfg(feature = "cli")]
pub mod cli;
pub mod locales;
#[cfg(feature = "publishing")]
pub mod outputs;
#[cfg(feature = "authoring")]
pub mod studio;
pub mod widget;

/// The bundled evidence set in published form, converted from `www/evidence/ice-contracts.json`
/// by `build.rs`.
pub const BUNDLED_EVIDENCE: &str =
    include_str!(concat!(env!("OUT_DIR"), "/evidence.published.json"));
