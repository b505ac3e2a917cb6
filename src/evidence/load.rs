//! Reading an evidence file of either form: JSON syntax, then the header (form and version),
//! then the shape, each failure reported with where it happened.

use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::published::{Document, Evidence, Form, Published};
use crate::validate::validate;
use crate::{FORMAT_VERSION, Path, Problem, ProblemKind};

/// Just enough of a file to tell its form and version before its shape is judged, since another
/// form or version has another shape and its field errors would only mislead.
#[derive(Deserialize)]
struct Header {
    form: Option<String>,
    version: Option<u64>,
}

/// Reads `json` as a document of form `expected`, with text of type `T`.
pub(crate) fn read_document<T: DeserializeOwned>(
    json: &str,
    expected: Form,
) -> Result<Document<T>, Vec<Problem>> {
    // A byte-order mark is legal before JSON text (RFC 8259 §8.1) and editors on Windows add it.
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    let root = Path::root();
    // Syntax first, with nothing allocated, so a broken file gets one clear message.
    if let Err(error) = serde_json::from_str::<serde::de::IgnoredAny>(json) {
        return Err(vec![Problem::new(root, syntax(&error))]);
    }
    // serde would accept an array for a struct, field by position; an evidence file is an object.
    let found = match json.trim_start().as_bytes().first() {
        Some(b'{') => None,
        Some(b'[') => Some("an array"),
        Some(b'"') => Some("a string"),
        Some(b't' | b'f') => Some("a boolean"),
        Some(b'n') => Some("null"),
        _ => Some("a number"),
    };
    if let Some(found) = found {
        return Err(vec![Problem::new(root, ProblemKind::NotAnObject { found })]);
    }
    match serde_json::from_str::<Header>(json) {
        Err(_) => {} // A header of the wrong type: the typed read below says so with its path.
        Ok(header) => {
            if let Some(found) = header.form.filter(|f| f != expected.name()) {
                let kind = ProblemKind::WrongForm {
                    found,
                    expected: expected.name().to_owned(),
                };
                return Err(vec![Problem::new(root.key("form"), kind)]);
            }
            if let Some(found) = header.version.filter(|v| *v != FORMAT_VERSION) {
                let kind = ProblemKind::UnsupportedVersion { found };
                return Err(vec![Problem::new(root.key("version"), kind)]);
            }
        }
    }
    serde_json::from_str(json).map_err(|error| {
        let path = crate::locate::path_at(json, error.line(), error.column());
        vec![Problem::new(path, shape(&error))]
    })
}

fn position_free_message(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    message.strip_suffix(&suffix).unwrap_or(&message).to_owned()
}

fn syntax(error: &serde_json::Error) -> ProblemKind {
    if error.is_eof() {
        return ProblemKind::Truncated { line: error.line() };
    }
    // serde_json has no error category for its depth limit; its message is the only sign.
    if error.to_string().starts_with("recursion limit exceeded") {
        return ProblemKind::NestedTooDeep { line: error.line() };
    }
    ProblemKind::Syntax {
        message: position_free_message(error),
        line: error.line(),
        column: error.column(),
    }
}

fn shape(error: &serde_json::Error) -> ProblemKind {
    if error.is_syntax() || error.is_eof() {
        return syntax(error);
    }
    ProblemKind::Shape {
        message: position_free_message(error),
        line: error.line(),
        column: error.column(),
    }
}

/// Reads and validates a published evidence file: the one way the widget gets its model.
pub fn load_published(json: &str) -> Result<Evidence, Vec<Problem>> {
    let document: Published = read_document(json, Form::Published)?;
    let problems = validate(&document);
    if problems.is_empty() {
        Ok(Evidence::from_valid(document))
    } else {
        Err(problems)
    }
}
