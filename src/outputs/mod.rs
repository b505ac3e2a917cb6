//! What a published evidence set becomes for a page, one file an output: the paste-in snippet
//! (`snippet.rs`), the offline single file (`offline_file.rs`), the static page
//! (`static_page.rs`), the page of its own (`own_page.rs`) and, at its public address, its
//! oEmbed response (`oembed.rs`), the studio's single file
//! (`studio_file.rs`), the share image (`card/`) and the tags that name it (`share.rs`), and what the build writes into the page's scripts
//! (`script_data.rs`).
//! The tool and Explainer Studio both make them here, so the studio's outputs are the tool's
//! byte for byte; reading and writing files is the caller's. The scripts these outputs carry
//! are written as scripts, in `scripts/`, and filled in with [`filled`]. What they share: the
//! widget's server rendering (`render.rs`), writing HTML (`html.rs`), and what a file that
//! carries everything in itself needs (`single_file.rs`). This file only names them.

mod card;
mod html;
mod oembed;
mod offline_file;
mod own_page;
mod render;
pub mod script_data;
mod share;
mod single_file;
mod snippet;
mod static_page;
mod studio_file;

pub use card::{Card, SIZE as CARD_SIZE, Undrawable, alt_text, card, card_of};
pub use html::{attribute, element_id, escape, html_tag, inert};
pub use oembed::{PublicAddress, oembed_response, with_discovery};
pub use offline_file::{offline_file, offline_file_of};
pub use own_page::{OwnPage, linked_stylesheets, own_page, prerendered_own_page};
pub use render::{prerendered, server_render};
pub use share::{SharedImage, description, share_tags, with_share_tags};
pub use single_file::{BUILT_FILES, BuiltFiles, single_file_head, source_hash};
pub use snippet::{SnippetOptions, snippet};
pub use static_page::static_page;
pub use studio_file::{Studio, body_of, studio_file};
