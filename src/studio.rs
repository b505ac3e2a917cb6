//! Explainer Studio's checking, for the studio page (`www/studio.html`): what `explainer check`
//! and `explainer build` say of a file, as one JSON report the page lists and offers, from the
//! very same code, so the studio and the tool can never disagree.

use explainer_evidence::authored::check as read_either;
use explainer_evidence::validate::advise;
use explainer_evidence::{Form, Problem, form_of};
use serde_json::{Value, json};

/// The problems of `text`, each with where it is: `{ line, column, path, message }`.
fn located(problems: &[Problem], text: &str) -> Vec<Value> {
    Problem::positions(problems, text)
        .into_iter()
        .zip(problems)
        .map(|((line, column), p)| {
            json!({ "line": line, "column": column, "path": p.path.to_string(), "message": p.kind.to_string() })
        })
        .collect()
}

/// Checks the text of an evidence file as `explainer check` does. The report: `errors` and
/// `warnings` (each `{ line, column, path, message }`, the messages of `explainer check`);
/// `form` (`"authored"`, `"published"` or null); `question`; and for a valid authored file
/// `published`, the published form exactly as `explainer build` writes it.
pub fn check(text: &str) -> Value {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let form = form_of(text);
    match read_either(text) {
        Ok(evidence) => {
            let published = (form != Some(Form::Published)).then(|| evidence.to_json(true));
            json!({
                "form": form.map(Form::name),
                "errors": [],
                "warnings": located(&advise(evidence.document()), text),
                "question": evidence.document().question,
                "published": published,
            })
        }
        Err(problems) => json!({
            "form": form.map(Form::name),
            "errors": located(&problems, text),
            "warnings": [],
            "question": null,
            "published": null,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_valid_authored_file_publishes_as_build_does() {
        let authored = include_str!("../www/evidence/library-hours.json");
        let report = check(authored);
        assert_eq!(report["errors"], json!([]));
        assert_eq!(report["form"], "authored");
        let built = explainer_evidence::authored::publish(authored)
            .expect("valid")
            .to_json(true);
        assert_eq!(report["published"], built);
    }

    #[test]
    fn problems_come_with_their_place_and_the_tools_words() {
        let report = check("{ \"version\": 1,\n  \"form\": \"authored\" ");
        let errors = report["errors"].as_array().expect("errors");
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0]["line"], 2);
        assert!(
            errors[0]["message"]
                .as_str()
                .is_some_and(|m| m.starts_with("the JSON ends at line 2")),
            "{report}"
        );
        assert_eq!(report["published"], Value::Null);
    }
}
