//! Explainer Studio's checking, for the studio page (`www/studio.html`): what `explainer check`
//! and `explainer build` say of a file, as one JSON report the page lists and offers, from the
//! very same code, so the studio and the tool can never disagree.

use crate::claimreview::{claim_review, script_element};
use crate::widget::load_error::{Worded, worded};
use explainer_evidence::authored::read_either_form;
use explainer_evidence::import::{import as import_report, limit_candidates, to_json};
use explainer_evidence::{
    Form, Path, Problem, ProblemKind, Published, decode, form_of, load_published,
};
use serde_json::{Value, json};

/// What is wrong with the evidence a widget was given, in the words its error panel lists
/// (the checker's answer to a widget that cannot use its file): the fetch that failed
/// (`failure`, from `src`), the bytes of a fetched file, or the JSON text from the page. Empty
/// when nothing is.
pub fn diagnose(
    json: Option<&str>,
    bytes: Option<Vec<u8>>,
    src: &str,
    failure: Option<String>,
) -> Vec<Worded> {
    if let Some(reason) = failure {
        let address = src.to_owned();
        let kind = ProblemKind::NotLoaded { address, reason };
        return worded(&[Problem::new(Path::root(), kind)]);
    }
    let text = match bytes.map(decode) {
        Some(Ok(text)) => text,
        Some(Err(problem)) => return worded(&[problem]),
        None => json.unwrap_or_default().to_owned(),
    };
    load_published(&text)
        .err()
        .map_or_else(Vec::new, |p| worded(&p))
}

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
/// `form` (`"authored"`, `"published"` or null); `question`; for a valid authored file
/// `published`, the published form exactly as `explainer build` writes it; and for any valid
/// file `claimReview`, the markup exactly as `explainer claimreview` prints it, with
/// `claimReviewMissing`, what Google's documentation asks that the file lacks.
pub fn check(text: &str) -> Value {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let form = form_of(text);
    match read_either_form(text) {
        Ok(evidence) => {
            let published = (form != Some(Form::Published)).then(|| evidence.to_json(true));
            let (review, missing) = claim_review(&evidence);
            json!({
                "form": form.map(Form::name),
                "errors": [],
                "warnings": located(&advise(evidence.document()), text),
                "question": evidence.document().question,
                "published": published,
                "claimReview": script_element(&review),
                "claimReviewMissing": missing,
            })
        }
        Err(problems) => json!({
            "form": form.map(Form::name),
            "errors": located(&problems, text),
            "warnings": [],
            "question": null,
            "published": null,
            "claimReview": null,
            "claimReviewMissing": [],
        }),
    }
}

/// Imports a report written like the seed, with its sources file (JSON text, or `None`), as
/// `explainer import` does. The report: `authored`, the authored file exactly as the tool writes
/// it, or null; and `problems`, each `{ line, message }` (`line` null for the sources file).
pub fn import(report: &str, sources: Option<&str>) -> Value {
    match import_report(report, sources) {
        Ok(authored) => json!({ "authored": to_json(&authored), "problems": [] }),
        Err(problems) => {
            let problems: Vec<Value> = problems
                .iter()
                .map(|p| json!({ "line": p.line, "message": p.message }))
                .collect();
            json!({ "authored": null, "problems": problems })
        }
    }
}

/// The report's sentences an editor may pick as its reporting limits (see
/// [`limit_candidates`]), as a JSON list of markdown texts.
pub fn limits(report: &str) -> Value {
    json!(limit_candidates(report))
}

/// What `explainer check` and the studio advise of a valid set: the format's advice, and
/// whether the widget has words of its own in the set's language.
pub fn advise(doc: &Published) -> Vec<Problem> {
    let mut advice = explainer_evidence::validate::advise(doc);
    if let Some(language) = &doc.meta.language
        && !crate::locales::Locale::speaks(language)
    {
        let path = Path::root().key("meta").key("language");
        let kind = ProblemKind::NoWordsInLanguage {
            language: language.clone(),
        };
        advice.push(Problem::new(path, kind));
    }
    advice
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
    fn a_report_imports_as_the_tool_writes_it_and_offers_its_limits() {
        let report = include_str!("../www/evidence/ice-contracts.report.txt");
        let sources = include_str!("../www/evidence/ice-contracts.sources.json");
        let imported = import(report, Some(sources));
        assert_eq!(
            imported["authored"],
            include_str!("../www/evidence/ice-contracts.json"),
            "the bundled set is what the tool imports from the seed"
        );
        let candidates = limits(report);
        let candidates = candidates.as_array().expect("a list");
        assert!(
            !candidates.is_empty(),
            "the seed's last section names its limits"
        );
        // Without a label, the import says what is missing, as the tool does.
        let unlabelled = import(report, None);
        assert_eq!(unlabelled["authored"], Value::Null);
        assert!(
            unlabelled["problems"]
                .to_string()
                .contains("no verdict label")
        );
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
