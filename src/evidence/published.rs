//! The shape of an evidence set, and its published form: what the widget reads.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The format version this code reads and writes.
pub const FORMAT_VERSION: u64 = 1;

/// How deeply inline markup may nest (emphasis in strong in a link…). Rendering is recursive, so
/// the cap keeps hostile files from overflowing the wasm stack.
pub const MAX_INLINE_DEPTH: usize = 8;

/// The largest evidence file accepted, in bytes: far beyond any real evidence set, small
/// enough that reading one never stalls a browser or an editor's machine.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// The longest one text may be (a sentence, a title, an excerpt), in characters: far beyond any
/// real one. Past it a file is broken or hostile, and showing it would stall a reader's browser.
pub const MAX_TEXT_CHARS: usize = 10_000;

/// The most entries one list may have (sources, sections, sentences, limits, excerpts).
pub const MAX_LIST_LEN: usize = 1_000;

/// A source's number, as in the citation marker `[4]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct CitationNumber(pub u32);

impl fmt::Display for CitationNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A section's stable id: lowercase letters, digits and hyphens. Used in DOM ids and deep links.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct SectionId(pub String);

impl SectionId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for SectionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One piece of parsed sentence text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase", deny_unknown_fields)]
pub enum Inline {
    /// Plain text, shown exactly as written (never as markup).
    Text(String),
    /// Emphasised text.
    Em(Inlines),
    /// Strong text.
    Strong(Inlines),
    /// Inline code.
    Code(String),
    /// A link to an http, https or mailto address.
    Link(Link),
    /// A citation marker, `[n]`.
    Cite(CitationNumber),
}

/// Parsed text: a sentence, a reporting limit.
pub type Inlines = Vec<Inline>;

/// A link in sentence text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// The address.
    pub href: String,
    /// The link text.
    pub children: Inlines,
}

/// Which form a file is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Form {
    /// Written by people; text is markdown.
    Authored,
    /// Read by the widget; text is parsed.
    Published,
}

impl Form {
    /// The form's name as the file writes it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Authored => "authored",
            Self::Published => "published",
        }
    }
}

/// An evidence set, generic over how its text is held: markdown `String`s in the authored form,
/// [`Inlines`] in the published form. Both forms therefore have the same paths.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, bound(deserialize = "T: Deserialize<'de>"))]
pub struct Document<T> {
    /// Where editors can find the JSON Schema of this form.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The format version, [`FORMAT_VERSION`].
    pub version: u64,
    /// Which form this file is in.
    pub form: Form,
    /// Language, dates and address of the evidence set.
    #[serde(default)]
    pub meta: Meta,
    /// The question the evidence set answers.
    pub question: String,
    /// The short answer.
    pub verdict: Verdict<T>,
    /// The reasoning, in order.
    pub sections: Vec<Section<T>>,
    /// Plain statements of what the evidence cannot show.
    #[serde(default)]
    pub limits: Vec<T>,
    /// The corrections and updates log, oldest entry first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<Change<T>>,
    /// The cited sources, keyed by number.
    pub sources: Vec<Source>,
}

/// Language, dates and address of an evidence set.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// BCP 47 language tag of the text, e.g. `en`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// When the evidence set was first published (YYYY-MM-DD).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// When it was last updated (YYYY-MM-DD).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    /// The address where the evidence set is published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Who publishes the evidence set: the newsroom or fact-checking organization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Who wrote it, by name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// Who edited or reviewed it, by name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub editors: Vec<String>,
}

/// The short answer: a label and the sentences that give it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Verdict<T> {
    /// The few words a reader sees first.
    pub label: String,
    /// The answer, sentence by sentence.
    pub sentences: Vec<T>,
}

/// What a log entry records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    /// Something published was wrong and is put right.
    Correction,
    /// New information was added.
    Update,
    /// Something was made clearer without changing what it says.
    Clarification,
}

/// One entry of the corrections and updates log: dated, of a kind, said in text that may cite
/// sources, and naming the verdict label it replaced when the verdict changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, bound(deserialize = "T: Deserialize<'de>"))]
pub struct Change<T> {
    /// When the change was made (YYYY-MM-DD).
    pub date: String,
    /// A correction, an update or a clarification.
    pub kind: ChangeKind,
    /// What changed, for readers.
    pub text: T,
    /// The verdict label this change replaced, when it changed the verdict.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaces: Option<String>,
}

/// One part of the reasoning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Section<T> {
    /// Stable id, used for deep links.
    pub id: SectionId,
    /// Heading, plain text.
    pub title: String,
    /// The section's sentences in order.
    pub sentences: Vec<T>,
}

/// A cited source. Every field but the number is optional: reports cite sources they never
/// identify, and the widget says so rather than guess.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The number citation markers use.
    pub number: CitationNumber,
    /// Title of the piece.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Who published it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Who wrote it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// When it was published (YYYY-MM-DD, YYYY-MM or YYYY).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Its address (http or https).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Passages from the source, quoted exactly, that bear on the claims citing it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub excerpts: Vec<String>,
    /// What the reader should know about the source, e.g. how it was identified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// A copy an archive keeps, for when the original is gone or has changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived: Option<Archived>,
}

/// A copy of a source kept by an archive (the Wayback Machine, archive.today, the newsroom's
/// own), named by the author; no tool fills it in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Archived {
    /// The copy's address (http or https).
    pub url: String,
    /// When the archive captured it (YYYY-MM-DD, YYYY-MM or YYYY).
    pub date: String,
}

impl Source {
    /// Whether the evidence set says anything about what this source is.
    pub fn is_identified(&self) -> bool {
        self.title.is_some()
            || self.publisher.is_some()
            || self.author.is_some()
            || self.url.is_some()
    }
}

/// The published form as read from a file, before validation.
pub type Published = Document<Inlines>;

/// Which part of the evidence set a sentence belongs to.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Part {
    /// The verdict.
    Verdict,
    /// A section, by id.
    Section(SectionId),
    /// The reporting limits.
    Limits,
    /// The corrections and updates log; a place's position is the entry's.
    Changes,
}

/// Where a sentence is: its part and its position there (from 0).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Place {
    /// The part holding the sentence.
    pub part: Part,
    /// The sentence's position in that part, from 0.
    pub sentence: usize,
}

impl<T> Document<T> {
    /// Every text of the document with its place and JSON path, in reading order.
    pub fn texts(&self) -> Vec<(Place, crate::path::Path, &T)> {
        let root = crate::path::Path::root();
        let mut out = Vec::new();
        let verdict = root.key("verdict").key("sentences");
        for (i, text) in self.verdict.sentences.iter().enumerate() {
            out.push((
                Place {
                    part: Part::Verdict,
                    sentence: i,
                },
                verdict.index(i),
                text,
            ));
        }
        for (s, section) in self.sections.iter().enumerate() {
            let path = root.key("sections").index(s).key("sentences");
            for (i, text) in section.sentences.iter().enumerate() {
                let place = Place {
                    part: Part::Section(section.id.clone()),
                    sentence: i,
                };
                out.push((place, path.index(i), text));
            }
        }
        let limits = root.key("limits");
        for (i, text) in self.limits.iter().enumerate() {
            out.push((
                Place {
                    part: Part::Limits,
                    sentence: i,
                },
                limits.index(i),
                text,
            ));
        }
        let changes = root.key("changes");
        for (i, change) in self.changes.iter().enumerate() {
            let place = Place {
                part: Part::Changes,
                sentence: i,
            };
            out.push((place, changes.index(i).key("text"), &change.text));
        }
        out
    }
}

impl<T> Document<T> {
    /// The same document with every text converted by `f`, which is told each text's path.
    pub fn map_texts<U>(self, mut f: impl FnMut(T, &crate::path::Path) -> U) -> Document<U> {
        let root = crate::path::Path::root();
        let mut convert = |texts: Vec<T>, path: crate::path::Path| -> Vec<U> {
            texts
                .into_iter()
                .enumerate()
                .map(|(i, t)| f(t, &path.index(i)))
                .collect()
        };
        let verdict = Verdict {
            label: self.verdict.label,
            sentences: convert(self.verdict.sentences, root.key("verdict").key("sentences")),
        };
        let sections = self
            .sections
            .into_iter()
            .enumerate()
            .map(|(s, section)| Section {
                id: section.id,
                title: section.title,
                sentences: convert(
                    section.sentences,
                    root.key("sections").index(s).key("sentences"),
                ),
            })
            .collect();
        let limits = convert(self.limits, root.key("limits"));
        let changes = self
            .changes
            .into_iter()
            .enumerate()
            .map(|(i, change)| Change {
                text: f(change.text, &root.key("changes").index(i).key("text")),
                date: change.date,
                kind: change.kind,
                replaces: change.replaces,
            })
            .collect();
        Document {
            schema: self.schema,
            version: self.version,
            form: self.form,
            meta: self.meta,
            question: self.question,
            verdict,
            sections,
            limits,
            changes,
            sources: self.sources,
        }
    }
}

/// The text as a report writes it: markup dropped, citation markers as `[n]`.
pub fn plain_text(nodes: &[Inline]) -> String {
    let mut text = String::new();
    for node in nodes {
        match node {
            Inline::Text(t) | Inline::Code(t) => text.push_str(t),
            Inline::Em(children) | Inline::Strong(children) => text.push_str(&plain_text(children)),
            Inline::Link(link) => text.push_str(&plain_text(&link.children)),
            Inline::Cite(n) => text.push_str(&format!("[{n}]")),
        }
    }
    text
}

/// Calls `f` on every citation number in `text`, in order, including those nested in markup.
pub fn for_each_citation(text: &[Inline], f: &mut impl FnMut(CitationNumber)) {
    for node in text {
        match node {
            Inline::Cite(n) => f(*n),
            Inline::Em(children) | Inline::Strong(children) => for_each_citation(children, f),
            Inline::Link(link) => for_each_citation(&link.children, f),
            Inline::Text(_) | Inline::Code(_) => {}
        }
    }
}
