//! The evidence format behind the Explainer widget.
//!
//! An evidence set exists in two forms that share one shape ([`Document`]):
//!
//! - the **authored** form, which people write: sentence text is markdown
//!   ([`authored`], native only, behind the `authoring` feature);
//! - the **published** form, which the widget reads: sentence text is already parsed into
//!   [`Inline`] nodes, so the browser never carries a markdown parser ([`published`]).
//!
//! Both are checked by one [`validate`] pass that reports every problem at once, each with the
//! JSON path where it sits ([`Problem`]). Views only ever see the validated [`Evidence`].
#![forbid(unsafe_code)]

#[cfg(feature = "authoring")]
pub mod authored;
mod checked;
pub mod error;
#[cfg(feature = "authoring")]
pub mod import;
mod load;
pub mod locate;
#[cfg(feature = "authoring")]
pub mod markdown;
pub mod path;
pub mod published;
#[cfg(feature = "schema")]
pub mod schema;
pub mod validate;

pub use checked::Evidence;
pub use error::{Problem, ProblemKind};
pub use load::{decode, form_of, load_published};
pub use path::{Path, Segment};

/// The largest evidence file accepted, in bytes: far beyond any real evidence set, small
/// enough that reading one never stalls a browser or an editor's machine.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;
pub use published::{
    Archived, Change, ChangeKind, CitationNumber, Document, FORMAT_VERSION, Form, Inline, Inlines,
    Link, MAX_INLINE_DEPTH, MAX_LIST_LEN, MAX_TEXT_CHARS, Meta, Part, Place, Published, Section,
    SectionId, Source, Verdict,
};

/// The positions `0..len` ordered by `compare`. Every sort in the crate goes through here, so
/// the widget's wasm carries one copy of the sorting code instead of one per element type.
pub(crate) fn sorted_indices(
    len: usize,
    compare: &dyn Fn(usize, usize) -> std::cmp::Ordering,
) -> Vec<usize> {
    let mut indices: Vec<usize> = (0..len).collect();
    indices.sort_unstable_by(|&a, &b| compare(a, b));
    indices
}
