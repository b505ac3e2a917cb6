//! Reading an evidence file of either form: JSON syntax, then the header (form and version),
//! then the shape, each failure reported with where it happened.

use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::checked::Evidence;
use crate::error::{Problem, ProblemKind};
use crate::path::Path;
use crate::path::Segment;
use crate::published::FORMAT_VERSION;
use crate::published::{Document, Form};

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
        let kind = shape(&error, &path);
        vec![Problem::new(path, kind)]
    })
}

fn position_free_message(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    message.strip_suffix(&suffix).unwrap_or(&message).to_owned()
}

fn syntax(error: &serde_json::Error) -> ProblemKind {
    let (line, column) = (error.line(), error.column());
    if error.is_eof() {
        return ProblemKind::Truncated { line, column };
    }
    ProblemKind::Syntax {
        message: position_free_message(error),
        line: error.line(),
        column: error.column(),
    }
}

/// A failure of the typed read. The text already passed the syntax check, so a "syntax" error
/// here is serde_json meeting a value of the wrong kind, or its depth limit.
fn shape(error: &serde_json::Error, path: &Path) -> ProblemKind {
    let (line, column) = (error.line(), error.column());
    let mut message = position_free_message(error);
    if message.starts_with("recursion limit exceeded") {
        return ProblemKind::NestedTooDeep { line, column };
    }
    if message == "expected value" {
        // serde_json's words when an enum (an inline node, a form name) meets another kind of value.
        let form = matches!(path.segments().last(), Some(Segment::Key(key)) if key == "form");
        message = if form {
            "expected \"authored\" or \"published\"".to_owned()
        } else {
            "expected an inline node, an object such as {\"text\": \"…\"} or {\"cite\": 1}"
                .to_owned()
        };
    }
    ProblemKind::Shape {
        message,
        line,
        column,
    }
}

/// The form a file says it is in, if it says so; used to pick how to read it.
pub fn form_of(json: &str) -> Option<Form> {
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    match serde_json::from_str::<Header>(json).ok()?.form?.as_str() {
        "authored" => Some(Form::Authored),
        "published" => Some(Form::Published),
        _ => None,
    }
}

/// Decodes the bytes of an evidence file: at most [`crate::published::MAX_FILE_BYTES`], UTF-8.
pub fn decode(bytes: Vec<u8>) -> Result<String, Problem> {
    let size = bytes.len() as u64;
    if size > crate::published::MAX_FILE_BYTES {
        return Err(Problem::new(
            Path::root(),
            ProblemKind::TooLarge { bytes: size },
        ));
    }
    String::from_utf8(bytes).map_err(|error| {
        let good = error.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(&error.as_bytes()[..good]);
        let (line, column) = crate::locate::line_column(&text, good);
        Problem::new(Path::root(), ProblemKind::NotUtf8 { line, column })
    })
}

/// Reads and validates a published evidence file: the one way the widget gets its model.
pub fn load_published(json: &str) -> Result<Evidence, Vec<Problem>> {
    Evidence::checked(read_document(json, Form::Published)?)
}
