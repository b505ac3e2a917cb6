//! Words the widget shows for places and sources, kept apart from markup so they can be tested.

use explainer_evidence::{Evidence, Meta, Part, Place, Source};

/// A short visible name for where a sentence is, e.g. "Section 3" or "Reporting limits 2".
pub fn place_short(evidence: &Evidence, place: &Place) -> String {
    let n = place.sentence + 1;
    match &place.part {
        Part::Verdict if evidence.document().verdict.sentences.len() > 1 => {
            format!("Verdict, sentence {n}")
        }
        Part::Verdict => "Verdict".to_owned(),
        Part::Section(id) => match evidence.section(id) {
            Some((i, section)) if section.sentences.len() > 1 => {
                format!("Section {}, sentence {n}", i + 1)
            }
            Some((i, _)) => format!("Section {}", i + 1),
            None => "Section".to_owned(),
        },
        Part::Limits => format!("Reporting limit {n}"),
    }
}

/// A full name for where a sentence is, for screen readers: the short name and the section title.
pub fn place_long(evidence: &Evidence, place: &Place) -> String {
    let short = place_short(evidence, place);
    match &place.part {
        Part::Section(id) => match evidence.section(id) {
            Some((_, section)) => format!("{short}: {}", section.title),
            None => short,
        },
        _ => short,
    }
}

/// A marker's accessible name: which source it is, by title or publisher when known.
pub fn marker_name(source: Option<&Source>, number: u32) -> String {
    let known = source.and_then(|s| s.title.as_deref().or(s.publisher.as_deref()));
    match known {
        Some(name) => format!("Source {number}: {name}"),
        None => format!("Source {number}, not identified by the report"),
    }
}

/// The line under a source's title: publisher, author and date, those that are known.
pub fn byline(source: &Source) -> Option<String> {
    let parts: Vec<&str> = [&source.publisher, &source.author, &source.date]
        .into_iter()
        .filter_map(|p| p.as_deref())
        .collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// Who stands behind the explainer, as the line under the verdict says it: "By A and B.
/// Edited by C. Published by D.", with the parts that are known.
pub fn credits(meta: &Meta) -> Option<String> {
    let mut parts = Vec::new();
    if !meta.authors.is_empty() {
        parts.push(format!("By {}.", names(&meta.authors)));
    }
    if !meta.editors.is_empty() {
        parts.push(format!("Edited by {}.", names(&meta.editors)));
    }
    if let Some(publisher) = &meta.publisher {
        parts.push(format!("Published by {publisher}."));
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// Names as a sentence lists them: "A", "A and B", "A, B and C".
fn names(list: &[String]) -> String {
    match list {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use explainer_evidence::{CitationNumber, SectionId};

    use super::*;

    fn evidence() -> Evidence {
        explainer_evidence::load_published(crate::BUNDLED_EVIDENCE).expect("bundled set is valid")
    }

    #[test]
    fn places_are_named_by_section_number_and_sentence() {
        let e = evidence();
        let amazon = Place {
            part: Part::Section(SectionId("amazon".into())),
            sentence: 0,
        };
        assert_eq!(place_short(&e, &amazon), "Section 3");
        assert!(place_long(&e, &amazon).starts_with("Section 3: What Amazon did"));
        let bottom = Place {
            part: Part::Section(SectionId("bottom-line".into())),
            sentence: 1,
        };
        assert_eq!(place_short(&e, &bottom), "Section 7, sentence 2");
        assert_eq!(
            place_short(
                &e,
                &Place {
                    part: Part::Limits,
                    sentence: 1
                }
            ),
            "Reporting limit 2"
        );
    }

    #[test]
    fn markers_name_their_source_or_say_it_is_unidentified() {
        let e = evidence();
        assert_eq!(
            marker_name(e.source(CitationNumber(4)), 4),
            "Source 4: Amazon Employees Continue to Urge Company to Cut Ties With ICE"
        );
        assert_eq!(
            marker_name(e.source(CitationNumber(3)), 3),
            "Source 3: Forbes"
        );
        assert_eq!(
            marker_name(e.source(CitationNumber(9)), 9),
            "Source 9, not identified by the report"
        );
    }

    #[test]
    fn bylines_join_what_is_known() {
        let e = evidence();
        let four = e.source(CitationNumber(4)).expect("source 4");
        assert_eq!(
            byline(four).as_deref(),
            Some("Yahoo Finance · Michael Tedder")
        );
        assert_eq!(byline(e.source(CitationNumber(1)).expect("source 1")), None);
    }

    #[test]
    fn credits_name_who_wrote_edited_and_published_it() {
        let meta = |authors: &[&str], editors: &[&str], publisher: Option<&str>| Meta {
            authors: authors.iter().map(|s| (*s).to_owned()).collect(),
            editors: editors.iter().map(|s| (*s).to_owned()).collect(),
            publisher: publisher.map(str::to_owned),
            ..Meta::default()
        };
        assert_eq!(credits(&meta(&[], &[], None)), None);
        assert_eq!(credits(&meta(&["A"], &[], None)).as_deref(), Some("By A."));
        assert_eq!(
            credits(&meta(&["A", "B", "C"], &["D", "E"], Some("F"))).as_deref(),
            Some("By A, B and C. Edited by D and E. Published by F.")
        );
        assert_eq!(
            credits(&meta(&[], &["D"], Some("F"))).as_deref(),
            Some("Edited by D. Published by F.")
        );
    }
}
