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
mod order;
pub mod path;
pub mod published;
#[cfg(feature = "schema")]
pub mod schema;
pub mod validate;

pub use checked::Evidence;
pub use error::{Problem, ProblemKind};
pub use load::{decode, form_of, load_published};
pub use path::{Path, Segment};

pub use published::{
    Archived, Change, ChangeKind, CitationNumber, Document, FORMAT_VERSION, Form, Inline, Inlines,
    Link, MAX_FILE_BYTES, MAX_INLINE_DEPTH, MAX_LIST_LEN, MAX_TEXT_CHARS, Meta, Part, Place,
    Published, Section, SectionId, Source, Verdict,
};
