//! The JSON Schema of each form, derived from the Rust types so it cannot drift from them.
//! `explainer schema` prints it; the committed copies are in `schema/`.

use schemars::{JsonSchema, Schema, schema_for};
use serde_json::json;

use crate::published::{Document, Form, Inlines};

/// The JSON Schema of `form`, as pretty JSON with a final newline.
pub fn schema(form: Form) -> String {
    let (mut schema, title): (Schema, &str) = match form {
        Form::Authored => (
            of::<Document<String>>(),
            "Explainer evidence set, authored form (text as markdown)",
        ),
        Form::Published => (
            of::<Document<Inlines>>(),
            "Explainer evidence set, published form (text parsed; what the widget reads)",
        ),
    };
    schema.insert("title".into(), json!(title));
    schema.insert(
        "description".into(),
        json!("One question, its verdict, the reasoning, what the evidence cannot show, and the cited sources. See docs/evidence-format.md."),
    );
    // The types allow either form and any version; a file of this form allows exactly one.
    if let Some(properties) = schema.get_mut("properties").and_then(|p| p.as_object_mut()) {
        properties.insert(
            "form".into(),
            json!({ "const": form.name(), "description": "Which form this file is in." }),
        );
        properties.insert(
            "version".into(),
            json!({ "const": crate::published::FORMAT_VERSION, "description": "The format version." }),
        );
    }
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema is plain JSON");
    text.push('\n');
    text
}

fn of<T: JsonSchema>() -> Schema {
    schema_for!(T)
}

/// The file name the schema of `form` is committed under in `schema/`.
pub fn file_name(form: Form) -> String {
    format!("{}.v{}.json", form.name(), crate::published::FORMAT_VERSION)
}
