//! The committed JSON Schemas are the ones the types generate, and they flag what editors
//! should flag while an author types.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use explainer::evidence::Form;
use explainer::evidence::schema::{file_name, schema};
use serde_json::{Value, json};

fn committed(form: Form) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("schema")
        .join(file_name(form));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn validator(form: Form) -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(&schema(form)).expect("schema is JSON");
    jsonschema::validator_for(&schema).expect("a valid JSON Schema")
}

#[test]
fn committed_schemas_equal_the_generated_ones() {
    for form in [Form::Authored, Form::Published] {
        assert_eq!(
            committed(form),
            schema(form),
            "schema/{} is stale: run `cargo run -- schema --form {} > schema/{}`",
            file_name(form),
            form.name(),
            file_name(form)
        );
    }
}

#[test]
fn the_authored_schema_accepts_the_bundled_set_and_the_fixtures() {
    let validator = validator(Form::Authored);
    for text in [
        include_str!("../www/evidence/ice-contracts.json"),
        include_str!("fixtures/valid/bridge.json"),
    ] {
        let value: Value = serde_json::from_str(text).expect("JSON");
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
    }
}

#[test]
fn the_published_schema_accepts_what_the_widget_embeds() {
    let value: Value = serde_json::from_str(explainer::BUNDLED_EVIDENCE).expect("JSON");
    assert!(validator(Form::Published).is_valid(&value));
    assert!(
        !validator(Form::Authored).is_valid(&value),
        "the forms are told apart"
    );
}

#[test]
fn the_schema_flags_typos_wrong_types_and_missing_fields() {
    let validator = validator(Form::Authored);
    let base: Value =
        serde_json::from_str(include_str!("fixtures/valid/bridge.json")).expect("JSON");
    let broken = [
        ("/sections/0", "titel", json!("typo")),
        ("/sources/0", "number", json!("one")),
        ("", "version", json!(2)),
    ];
    for (pointer, key, value) in broken {
        let mut doc = base.clone();
        doc.pointer_mut(pointer)
            .and_then(Value::as_object_mut)
            .expect("object")
            .insert(key.into(), value);
        assert!(
            !validator.is_valid(&doc),
            "{pointer}/{key} should be flagged"
        );
    }
    let mut missing = base.clone();
    missing.as_object_mut().expect("object").remove("question");
    assert!(!validator.is_valid(&missing));
}
