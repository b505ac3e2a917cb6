//! Problems found in an evidence file: where they are ([`Path`]) and what they are
//! ([`ProblemKind`]), with messages that say how to fix them.

use std::fmt;

use crate::path::Path;

/// One problem in an evidence file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where the problem is.
    pub path: Path,
    /// What the problem is.
    pub kind: ProblemKind,
}

impl Problem {
    /// A problem of `kind` at `path`.
    pub fn new(path: Path, kind: ProblemKind) -> Self {
        Self { path, kind }
    }

    /// The 1-based line and column the problem points at in `json`, the text it was found in.
    pub fn position(&self, json: &str) -> (usize, usize) {
        Self::positions(std::slice::from_ref(self), json)[0]
    }

    /// [`Problem::position`] of each of `problems`, all found in one pass over `json`.
    pub fn positions(problems: &[Problem], json: &str) -> Vec<(usize, usize)> {
        let known = |p: &Problem| match p.kind {
            ProblemKind::Syntax { line, column, .. }
            | ProblemKind::Shape { line, column, .. }
            | ProblemKind::Truncated { line, column }
            | ProblemKind::NestedTooDeep { line, column }
            | ProblemKind::NotUtf8 { line, column } => Some((line, column.max(1))),
            _ => None,
        };
        let unknown: Vec<&Path> = problems
            .iter()
            .filter(|p| known(p).is_none())
            .map(|p| &p.path)
            .collect();
        let mut found = crate::locate::positions_of(json, &unknown).into_iter();
        problems
            .iter()
            .map(|p| known(p).unwrap_or_else(|| found.next().unwrap_or((1, 1))))
            .collect()
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.kind)
    }
}

/// What is wrong, with the data a message needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// The text is not JSON at all.
    Syntax {
        /// The parser's description.
        message: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// The JSON does not have the shape of an evidence file (wrong type, unknown or missing field).
    Shape {
        /// The deserializer's description.
        message: String,
        /// 1-based line where reading stopped.
        line: usize,
        /// 1-based column where reading stopped.
        column: usize,
    },
    /// The file is of the other form (authored where published is wanted, or the reverse).
    WrongForm {
        /// The form the file says it is.
        found: String,
        /// The form that was wanted.
        expected: String,
    },
    /// A format version this code does not read.
    UnsupportedVersion {
        /// The version the file names.
        found: u64,
    },
    /// A required text is empty or only white space.
    Empty {
        /// What should have been written, e.g. "the question".
        what: &'static str,
        /// Whether the field may be left out instead.
        optional: bool,
    },
    /// The file is JSON, but not an object.
    NotAnObject {
        /// What the file holds instead, e.g. "an array".
        found: &'static str,
    },
    /// Arrays or objects nested deeper than the reader allows (128 levels).
    NestedTooDeep {
        /// 1-based line where the reader stopped.
        line: usize,
        /// 1-based column where the reader stopped.
        column: usize,
    },
    /// The evidence could not be fetched (a missing file, a network failure).
    NotLoaded {
        /// The address it was asked for.
        address: String,
        /// Why it failed, e.g. "HTTP 404".
        reason: String,
    },
    /// The file is larger than an evidence file may be.
    TooLarge {
        /// Its size in bytes.
        bytes: u64,
    },
    /// The file is not UTF-8 text.
    NotUtf8 {
        /// 1-based line of the first byte that is not UTF-8.
        line: usize,
        /// 1-based column (in characters) of that byte.
        column: usize,
    },
    /// The JSON text stops before it is complete.
    Truncated {
        /// 1-based line where it stops.
        line: usize,
        /// 1-based column where it stops.
        column: usize,
    },
    /// A section id that cannot serve as a stable identifier.
    BadSectionId {
        /// The id as written.
        id: String,
    },
    /// A section id used twice.
    DuplicateSectionId {
        /// The repeated id.
        id: String,
        /// Where it was first used.
        first: Path,
    },
    /// A source number used twice.
    DuplicateSource {
        /// The repeated number.
        number: u32,
        /// Where it was first used.
        first: Path,
    },
    /// Source number 0.
    ZeroSource,
    /// A citation marker whose number has no source.
    CitationWithoutSource {
        /// The marker's number.
        number: u32,
    },
    /// A source that no sentence cites.
    UncitedSource {
        /// The source's number.
        number: u32,
    },
    /// A link whose address is not http, https or mailto.
    UnsafeLink {
        /// The address as written.
        href: String,
    },
    /// A source address that is not http or https.
    UnsafeSourceUrl {
        /// The address as written.
        url: String,
    },
    /// A date that is not YYYY, YYYY-MM or YYYY-MM-DD.
    BadDate {
        /// The date as written.
        value: String,
    },
    /// A language tag that is not of the BCP 47 shape.
    BadLanguage {
        /// The tag as written.
        value: String,
    },
    /// Markup nested deeper than [`crate::published::MAX_INLINE_DEPTH`].
    TooDeep,
    /// A text longer than [`crate::published::MAX_TEXT_CHARS`].
    TooLong {
        /// Its length in characters.
        chars: usize,
    },
    /// A list longer than [`crate::published::MAX_LIST_LEN`].
    TooMany {
        /// How many entries it has.
        count: usize,
    },
    /// A link or citation inside a link.
    NestedInLink {
        /// "a link" or "a citation marker".
        what: &'static str,
    },
    /// Markdown the format does not allow in sentence text.
    OutsideSubset {
        /// What was written, e.g. "a heading".
        construct: &'static str,
    },
    /// Citation markers written together as `[1][2]`, which markdown reads as one reference link.
    JoinedCitations,
    /// A change log entry's date that is not a full date.
    BadChangeDate {
        /// The date as written.
        value: String,
    },
    /// Changes are logged but the date of first publication is not given.
    ChangesWithoutPublication,
    /// A change dated before the explainer was first published.
    ChangeBeforePublication {
        /// The change's date.
        date: String,
        /// `meta.published`.
        published: String,
    },
    /// A change dated before the entry above it.
    ChangeOutOfOrder {
        /// The change's date.
        date: String,
        /// The date of the entry before it.
        previous: String,
    },
    /// `meta.updated` older than the latest change.
    UpdatedBeforeChange {
        /// `meta.updated`.
        updated: String,
        /// The latest change's date.
        latest: String,
        /// Where that change is.
        at: Path,
    },
    /// Advice: no language is given.
    NoLanguage,
    /// Advice: the widget has no words of its own in the set's language.
    NoWordsInLanguage {
        /// `meta.language`.
        language: String,
    },
    /// Advice: the explainer states no reporting limits.
    NoLimits,
    /// Advice: a source with nothing that identifies it.
    UnidentifiedSource {
        /// The source's number.
        number: u32,
    },
}

/// A value from the file as a message quotes it: whole when short, else its start and "…", so a
/// hostile megabyte-long value cannot swamp the message (or the widget's error panel).
/// A reader's message that quotes the file (serde's "invalid type: string …") gets more room.
pub(crate) struct Clip<'a>(&'a str, usize);

pub(crate) fn clip(value: &str) -> Clip<'_> {
    Clip(value, 120)
}

impl fmt::Display for Clip<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.char_indices().nth(self.1) {
            Some((end, _)) => write!(f, "{}…", &self.0[..end]),
            None => f.write_str(self.0),
        }
    }
}

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Syntax {
                message,
                line,
                column,
            } => write!(
                f,
                "not valid JSON at line {line}, column {column}: {}",
                Clip(message, 400)
            ),
            Self::Shape {
                message,
                line,
                column,
            } => write!(f, "{} (line {line}, column {column})", Clip(message, 400)),
            Self::WrongForm { found, expected } => {
                if found == "authored" {
                    write!(
                        f,
                        "this is an authored evidence file (\"form\": \"authored\"), but the {expected} form is needed: publish it first with `explainer build FILE`"
                    )
                } else if found == "published" {
                    write!(
                        f,
                        "this file is already published (\"form\": \"published\"), but the {expected} form is needed: give it to the widget as it is"
                    )
                } else {
                    write!(
                        f,
                        "\"form\" is \"{}\": write \"authored\" for a file people edit, or \"published\" for one the widget reads",
                        clip(found)
                    )
                }
            }
            Self::UnsupportedVersion { found } => write!(
                f,
                "format version {found} is not supported: this version of Explainer reads version {}",
                crate::published::FORMAT_VERSION
            ),
            Self::Empty {
                what,
                optional: false,
            } => write!(f, "{what} is empty: write it"),
            Self::Empty {
                what,
                optional: true,
            } => {
                write!(f, "{what} is empty: write it, or leave the field out")
            }
            Self::NotAnObject { found } => write!(
                f,
                "the file holds {found}, not an evidence set: an evidence file is one JSON object with \"version\", \"form\", \"question\", \"verdict\", \"sections\" and \"sources\""
            ),
            Self::NotLoaded { address, reason } => write!(
                f,
                "the evidence could not be loaded from {address} ({reason}): check the src address, and that the file is published beside the page"
            ),
            Self::TooLarge { bytes } => {
                // Integer tenths: float formatting would add kilobytes to the widget.
                const MB: u64 = 1_048_576;
                let (whole, tenths) = (bytes / MB, bytes % MB * 10 / MB);
                let limit = crate::published::MAX_FILE_BYTES / MB;
                write!(
                    f,
                    "the file is {whole}.{tenths} MB: an evidence file may be at most {limit} MB"
                )
            }
            Self::NotUtf8 { line, column } => write!(
                f,
                "the file is not UTF-8 text (first bad byte at line {line}, column {column}): save it as UTF-8"
            ),
            Self::NestedTooDeep { line, .. } => write!(
                f,
                "the JSON nests more than 128 levels deep (stopped at line {line}): no evidence file needs that; check for runaway brackets"
            ),
            Self::Truncated { line, .. } => write!(
                f,
                "the JSON ends at line {line} before it is complete: the file may be cut short, or a bracket or quote is missing"
            ),
            Self::BadSectionId { id } => write!(
                f,
                "section id `{}` cannot be used: write lowercase letters, digits and hyphens, starting with a letter or digit, at most 64 characters (for example `timeline`)",
                clip(id)
            ),
            Self::DuplicateSectionId { id, first } => write!(
                f,
                "section id `{}` is already used at {first}: give each section its own id",
                clip(id)
            ),
            Self::DuplicateSource { number, first } => write!(
                f,
                "source {number} is already defined at {first}: give each source its own number"
            ),
            Self::ZeroSource => write!(
                f,
                "source number 0 is not allowed: sources are numbered from 1"
            ),
            Self::CitationWithoutSource { number } => write!(
                f,
                "citation [{number}] has no source: add a source with \"number\": {number} to \"sources\", or correct the marker"
            ),
            Self::UncitedSource { number } => write!(
                f,
                "source {number} is not cited anywhere: cite it as [{number}] where it supports a claim, or remove it"
            ),
            Self::UnsafeLink { href } => write!(
                f,
                "link address `{}` is not allowed: links must be absolute addresses starting with http:, https: or mailto:",
                clip(href)
            ),
            Self::UnsafeSourceUrl { url } => write!(
                f,
                "source address `{}` is not allowed: write an absolute address starting with http:// or https://",
                clip(url)
            ),
            Self::BadDate { value } => write!(
                f,
                "`{}` is not a date: write YYYY-MM-DD, YYYY-MM or YYYY",
                clip(value)
            ),
            Self::BadLanguage { value } => write!(
                f,
                "`{}` is not a language tag: write a BCP 47 tag such as `en` or `pt-BR`",
                clip(value)
            ),
            Self::TooLong { chars } => write!(
                f,
                "the text is {chars} characters long: a text may have at most {} characters",
                crate::published::MAX_TEXT_CHARS
            ),
            Self::TooMany { count } => write!(
                f,
                "the list has {count} entries: a list may have at most {}; split the evidence set",
                crate::published::MAX_LIST_LEN
            ),
            Self::TooDeep => write!(
                f,
                "markup is nested more than {} levels deep: simplify the emphasis, strong text and links",
                crate::published::MAX_INLINE_DEPTH
            ),
            Self::NestedInLink { what } => {
                write!(f, "{what} sits inside a link: move it out of the link text")
            }
            Self::OutsideSubset { construct } => write!(
                f,
                "{construct} is not allowed in this text: write *emphasis*, **strong**, `code`, [links](https://…) and citation markers like [3]; put a backslash before a character to show it as written"
            ),
            Self::BadChangeDate { value } => write!(
                f,
                "`{}` is not a full date: date each change YYYY-MM-DD",
                clip(value)
            ),
            Self::ChangesWithoutPublication => write!(
                f,
                "changes are logged, but not when the explainer was first published: add \"published\" (YYYY-MM-DD) to \"meta\""
            ),
            Self::ChangeBeforePublication { date, published } => write!(
                f,
                "the change is dated {date}, before the explainer was first published ({published}, in meta.published): correct one of the dates"
            ),
            Self::ChangeOutOfOrder { date, previous } => write!(
                f,
                "the change is dated {date}, before the entry above it ({previous}): list changes oldest first"
            ),
            Self::UpdatedBeforeChange {
                updated,
                latest,
                at,
            } => write!(
                f,
                "the explainer says it was last updated {}, before its latest change ({latest}, at {at}): set \"updated\" to that date or later",
                clip(updated)
            ),
            Self::NoLanguage => write!(
                f,
                "no language is given: add \"language\" (for example \"en\") so screen readers pronounce the text correctly"
            ),
            Self::NoWordsInLanguage { language } => write!(
                f,
                "the widget has no words of its own in \"{}\": its headings, buttons and dates will be in English (docs/authoring.md, \"Adding a language\", says how to add them)",
                clip(language)
            ),
            Self::NoLimits => write!(
                f,
                "no reporting limits are stated: add \"limits\", what the evidence cannot show, so readers see them under \"Reporting limits\""
            ),
            Self::UnidentifiedSource { number } => write!(
                f,
                "source {number} has no title, publisher, author or address: readers will be told the report does not identify it"
            ),
            Self::JoinedCitations => write!(
                f,
                "citation markers written together, like [1][2], read as one link: separate them with a space, like [1] [2]"
            ),
        }
    }
}
